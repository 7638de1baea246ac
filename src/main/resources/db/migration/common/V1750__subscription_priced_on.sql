-- The day a subscription moved to its plan when that is after its anchor (a plan change made now,
-- or one applied at a renewal that kept the anchor). The price schedule prices its periods as for
-- a purchase of that day: a price already in force for new purchases then is its price, whatever
-- the notice given to older subscriptions. Null: priced on its anchor.
alter table subscription add column priced_on date;
