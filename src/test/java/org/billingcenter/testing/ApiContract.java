package org.billingcenter.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The contract between {@code /v3/api-docs} and the server, checked on one exchange at a time:
 * <ul>
 *   <li>every {@code /api/**} answer must match the document (status listed, content type, body
 *       schema, required headers); an answer for a path or method the document does not have
 *       must be an error in the shared {@code Problem} schema;
 *   <li>a request the server accepted (2xx) must be valid per the document (parameters, headers,
 *       body); a refused one is not checked (tests send hostile requests on purpose), its answer is.
 * </ul>
 * Relaxations, each because the server cannot disagree there: MockMvc tests sign in by putting
 * the account in the security context, so a request without an {@code Authorization} header is
 * not reported; a body (and its Content-Type) sent to an operation that has none (a GET, a claim)
 * is not judged, the server never reads it; unknown properties in an accepted request body are
 * allowed, as the document (JSON Schema) allows them.
 */
public final class ApiContract {

  /** Keys meaning "the document has no operation for this path and method". */
  private static final Set<String> NO_OPERATION =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private final OpenApiInteractionValidator validator;
  private final SchemaValidator schemas;
  private final OpenAPI api;

  private ApiContract(String document) {
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(document)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                    // The document does not forbid unknown properties (JSON Schema allows them unless
                    // it says otherwise); answers are held to their schema's properties strictly.
                    .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            // The server matches paths exactly (no trailing slash): so does the check.
            .withStrictOperationPathMatching()
            .build();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    this.api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
    this.schemas = new SchemaValidator(api, new MessageResolver());
  }

  public static ApiContract of(String document) {
    return new ApiContract(document);
  }

  public static boolean applies(MvcResult result) {
    return result.getRequest().getRequestURI().startsWith("/api/");
  }

  /** What in this exchange disagrees with the document; empty when nothing does. */
  public List<String> violations(MvcResult result) {
    MockHttpServletRequest request = result.getRequest();
    MockHttpServletResponse response = result.getResponse();
    String path = request.getRequestURI();
    Request.Method method = Request.Method.valueOf(request.getMethod().toUpperCase());
    List<String> found = new ArrayList<>();
    boolean bodyByContainer = answeredBySendError(result);
    ValidationReport answer = validator.validateResponse(path, method, response(response, !bodyByContainer));
    if (answer.getMessages().stream().anyMatch(m -> NO_OPERATION.contains(m.getKey()))) {
      found.addAll(bodyByContainer ? statusOnly(response) : undocumentedRoute(response));
    } else {
      found.addAll(errors(answer, "response").stream()
          .filter(v -> !bodyByContainer || !(v.contains("validation.response.body") || v.contains("validation.response.contentType")))
          .toList());
    }
    if (response.getStatus() >= 200 && response.getStatus() < 300) {
      found.addAll(errors(acceptedRequest(request, method), "accepted request"));
    }
    if (found.isEmpty()) {
      return List.of();
    }
    String exchange = request.getMethod() + " " + path
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
        + Stream.of("Content-Type", "Accept", "Idempotency-Key").filter(h -> request.getHeader(h) != null)
            .map(h -> " [" + h + ": " + abbreviated(request.getHeader(h)) + "]").collect(java.util.stream.Collectors.joining())
        + " " + abbreviated(body(request)) + " -> " + response.getStatus() + " " + response.getContentType()
        + " " + abbreviated(body(response));
    return found.stream().map(v -> exchange + "\n    " + v).toList();
  }

  /** A body (and its Content-Type) sent where the operation has none is never read: not judged. */
  private ValidationReport acceptedRequest(MockHttpServletRequest request, Request.Method method) {
    ValidationReport report = validator.validateRequest(request(request, method, true));
    if (report.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.body.unexpected"))) {
      return validator.validateRequest(request(request, method, false));
    }
    return report;
  }

  /**
   * Spring MVC resolved an exception with {@code sendError} (an unknown route, a wrong method): a
   * real server writes the body in the container's error dispatch, which MockMvc does not run, so
   * only the status is judged here (the body is the error dispatch's, tested over a real port).
   */
  private static boolean answeredBySendError(MvcResult result) {
    return result.getResolvedException() != null
        && result.getResponse().getContentAsByteArray().length == 0
        && result.getResponse().getStatus() >= 400;
  }

  private static List<String> statusOnly(MockHttpServletResponse response) {
    return response.getStatus() >= 400
        ? List.of()
        : List.of("no operation in the document answers this path and method, yet the status is " + response.getStatus());
  }

  /** No operation for this path and method: only an error in the shared Problem schema fits. */
  private List<String> undocumentedRoute(MockHttpServletResponse response) {
    List<String> found = new ArrayList<>();
    if (response.getStatus() < 400) {
      found.add("no operation in the document answers this path and method, yet the status is " + response.getStatus());
    }
    if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(
        response.getContentType() == null ? "application/octet-stream" : response.getContentType()))) {
      found.add("an undocumented route must answer application/problem+json, not " + response.getContentType());
    } else {
      found.addAll(errors(schemas.validate(body(response), api.getComponents().getSchemas().get("Problem"),
          "response.body"), "undocumented route's problem"));
    }
    return found;
  }

  private static List<String> errors(ValidationReport report, String what) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> what + ": " + m.getKey() + ": " + m.getMessage()
            + (m.getNestedMessages().isEmpty() ? "" : " " + m.getNestedMessages().stream().map(ValidationReport.Message::getMessage).toList()))
        .toList();
  }

  private static Request request(MockHttpServletRequest request, Request.Method method, boolean judgeBody) {
    byte[] body = request.getContentAsByteArray();
    // A Content-Type without a body describes nothing the server read.
    boolean withBody = judgeBody && body != null && body.length > 0;
    SimpleRequest.Builder built = new SimpleRequest.Builder(method, request.getRequestURI());
    for (String name : Collections.list(request.getHeaderNames())) {
      if (withBody || !name.equalsIgnoreCase("Content-Type")) {
        built.withHeader(name, Collections.list(request.getHeaders(name)));
      }
    }
    queryParameters(request).forEach(p -> built.withQueryParam(p.name(), p.values()));
    if (withBody) {
      built.withBody(body);
    }
    return built.build();
  }

  private record Parameter(String name, List<String> values) {}

  /** From the query string; MockMvc's {@code param(...)} on a request without a form body, too. */
  private static Stream<Parameter> queryParameters(MockHttpServletRequest request) {
    if (request.getQueryString() != null) {
      return UriComponentsBuilder.newInstance().query(request.getQueryString()).build(false).getQueryParams()
          .entrySet().stream().map(e -> new Parameter(e.getKey(), e.getValue().stream()
              .map(v -> v == null ? "" : java.net.URLDecoder.decode(v, StandardCharsets.UTF_8)).toList()));
    }
    String contentType = request.getContentType();
    if (contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
      return Stream.empty();
    }
    return request.getParameterMap().entrySet().stream().map(e -> new Parameter(e.getKey(), List.of(e.getValue())));
  }

  private static SimpleResponse response(MockHttpServletResponse response, boolean judgeBody) {
    SimpleResponse.Builder built = SimpleResponse.Builder.status(response.getStatus());
    if (!judgeBody) {
      return built.build();
    }
    for (String name : response.getHeaderNames()) {
      built.withHeader(name, response.getHeaders(name));
    }
    if (response.getContentType() != null) {
      built.withContentType(response.getContentType());
    }
    String body = body(response);
    if (!body.isEmpty()) {
      built.withBody(body);
    }
    return built.build();
  }

  private static String body(MockHttpServletResponse response) {
    try {
      return response.getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MockHttpServletRequest request) {
    byte[] body = request.getContentAsByteArray();
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
