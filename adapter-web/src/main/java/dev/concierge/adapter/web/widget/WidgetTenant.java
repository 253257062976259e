package dev.concierge.adapter.web.widget;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a widget handler's {@link dev.concierge.application.port.in.PublishedWidget} parameter: what the active
 * tenant that {@link WidgetOriginFilter} admitted the request for publishes, found by its client key and checked
 * against its allowed origins.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WidgetTenant {
}
