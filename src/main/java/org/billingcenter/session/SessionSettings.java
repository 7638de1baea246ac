package org.billingcenter.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code billing-center.sessions.*}: {@code poll} is how often each node reads the sessions ended
 * since its last look (1 s: an ended session is refused on every node within about that);
 * {@code flush} how often it writes the last-seen times it collected (30 s); {@code overlap} how far
 * back each poll looks again, for transactions that committed late (10 s); {@code idle-timeout} the
 * container's session timeout, after which a row not seen counts as gone (30 min; keep it equal to
 * {@code server.servlet.session.timeout}).
 */
@ConfigurationProperties("billing-center.sessions")
public record SessionSettings(
    @DefaultValue("1s") Duration poll,
    @DefaultValue("30s") Duration flush,
    @DefaultValue("10s") Duration overlap,
    @DefaultValue("30m") Duration idleTimeout) {}
