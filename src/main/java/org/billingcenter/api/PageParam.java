package org.billingcenter.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the page-number parameter of a {@link org.billingcenter.shared.PageRequest} argument when a
 * screen pages several lists at once (e.g. {@code invoicesPage}); the API always uses {@code page}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface PageParam {
  String value();
}
