package io.outboundcalls.query.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a processing group's handler class is a read model: its tables are derived from
 * the events alone, its {@code @ResetHandler} clears them, and replaying every past event rebuilds
 * them without acting on anything outside. Only such a group may be rebuilt from
 * {@code /admin/projections/:name/rebuild}, and only such a group gets a dead-letter queue (an
 * event it cannot handle is parked instead of stopping the group); a group counts as a read model
 * when every handler class in it is declared one.
 * <p>
 * Why the declaration is this one, here. The property that decides a rebuild is "replaying this
 * group is harmless", and the query side owns it: its projections are the only read models, and
 * rebuild support is its concept. Declaring the safe case (rather than marking side effects)
 * makes a rebuild opt-in: a new processor that dials, sends commands or webhooks is refused a
 * replay without having to remember an annotation, so command-side and webhooks need no
 * vocabulary of their own and no dependency they may not have (command-side never sees the query
 * side; shared-events holds only the event contract). A processor refused a rebuild explains
 * itself in its own class comment (the dialer's {@code DialerEffects}, {@code WebhookOutbox}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModel {
}
