-- Issue 14: the lifecycle job's trial.will_end events select the reminders its step recorded at
-- one instant; without this index each reminder step would scan every reminder ever recorded.
create index trial_reminder_recorded on trial_reminder (recorded_at, days_before);
