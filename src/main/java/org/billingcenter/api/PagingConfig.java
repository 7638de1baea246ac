package org.billingcenter.api;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.billingcenter.shared.PageRequest;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Paging, the same everywhere: any handler that takes a {@link PageRequest} reads {@code page} and
 * {@code size}, and the OpenAPI document shows those two parameters and the two paging headers on
 * every such operation, from this one place.
 */
@Configuration
class PagingConfig implements WebMvcConfigurer {

  static {
    // Not a request body or a query object of its own: the customizer below documents it.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new PageRequestResolver());
  }

  @Bean
  OperationCustomizer pagingDocumentation() {
    return (operation, handler) -> takesPageRequest(handler) ? documentPaging(operation) : operation;
  }

  private static boolean takesPageRequest(HandlerMethod handler) {
    return Arrays.stream(handler.getMethodParameters())
        .anyMatch(p -> p.getParameterType().equals(PageRequest.class));
  }

  private static Operation documentPaging(Operation operation) {
    operation.addParametersItem(
        new Parameter()
            .in("query")
            .name(PageRequestResolver.PAGE)
            .required(false)
            .description("Page number, from 1.")
            .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Integer.MAX_VALUE))._default(1)));
    operation.addParametersItem(
        new Parameter()
            .in("query")
            .name(PageRequestResolver.SIZE)
            .required(false)
            .description("Items per page, at most " + PageRequest.MAX_SIZE + ".")
            .schema(
                new IntegerSchema()
                    .minimum(BigDecimal.ONE)
                    .maximum(BigDecimal.valueOf(PageRequest.MAX_SIZE))
                    ._default(PageRequest.DEFAULT_SIZE)));
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    ApiResponse ok = operation.getResponses().computeIfAbsent("200", code -> new ApiResponse().description("OK"));
    ok.addHeaderObject(
        Paged.TOTAL_COUNT,
        new Header()
            .description("How many items the whole list has, with the same filter.")
            .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ZERO)));
    ok.addHeaderObject(
        HttpHeaders.LINK,
        new Header()
            .description("RFC 8288 links to the first, prev, next and last pages (absolute paths).")
            .schema(new StringSchema()));
    return operation;
  }
}
