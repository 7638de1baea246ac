package org.billingcenter.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.billingcenter.account.Role;
import org.billingcenter.account.SignedInAccount;
import org.billingcenter.api.IdempotencyRepository.Stored;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any API POST or DELETE: the first answer is stored for 24 hours and a
 * replay gets it back without acting again ({@code Idempotent-Replayed: true}); the same key with a
 * different request is refused (422); a twin sent while the first is running waits for it and gets
 * its answer; a secret in it is not kept ({@link StoredAnswers}). Refusals and server errors are not stored (their transaction rolls back), so a retry
 * after one is judged afresh.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final Duration KEPT = Duration.ofHours(24);

  private final IdempotencyRepository records;
  private final Problems problems;
  private final LocaleResolver locales;
  private final Clock clock;
  private final TransactionTemplate transaction;

  IdempotencyFilter(
      IdempotencyRepository records, Problems problems, LocaleResolver locales, Clock clock,
      TransactionTemplate transaction) {
    this.records = records;
    this.problems = problems;
    this.locales = locales;
    this.clock = clock;
    this.transaction = transaction;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return request.getHeader(HEADER) == null
        || !request.getRequestURI().startsWith("/api/")
        || !("POST".equals(method) || "DELETE".equals(method));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<SignedInAccount> caller = caller();
    String key = request.getHeader(HEADER).strip();
    if (caller.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (!validKey(key)) {
      refuse(request, response, HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_INVALID");
      return;
    }
    // Limited by BodyLimitFilter while it is read: an oversized body fails here, before it is kept.
    byte[] body = request.getInputStream().readAllBytes();
    try {
      once(new Caller(caller.get()), key, body, request, response, chain);
    } catch (DataAccessException | TransactionException failed) {
      if (!Problems.databaseUnavailable(failed)) {
        throw failed;
      }
      // The database went away before, during or at the commit: the outcome is the database's to
      // tell, and a retry with this key will find it (the claim and the work commit together).
      response.reset();
      problems.writeDatabaseUnavailable(request, response, locales.resolveLocale(request));
    }
  }

  /** 1 to 200 printable ASCII characters, as the IETF Idempotency-Key draft's string is. */
  static boolean validKey(String key) {
    return !key.isEmpty() && key.length() <= 200 && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  private void once(Caller caller, String key, byte[] body, HttpServletRequest request,
      HttpServletResponse response, FilterChain chain) throws IOException {
    String owner = caller.owner();
    String hash = hash(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString(), body);
    ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
    if (claimedAndDone(caller, key, hash, new CachedBody(request, body), recorded, chain)) {
      recorded.copyBodyToResponse();
      return;
    }
    Optional<Stored> earlier = records.find(owner, key);
    if (earlier.isPresent() && earlier.get().createdAt().plus(KEPT).isBefore(clock.instant())) {
      records.release(owner, key); // kept long enough: the key is free again
      if (claimedAndDone(caller, key, hash, new CachedBody(request, body), recorded, chain)) {
        recorded.copyBodyToResponse();
        return;
      }
      earlier = records.find(owner, key);
    }
    if (earlier.isPresent()) {
      answerFrom(earlier.get(), caller, hash, request, response);
    } else {
      refuse(request, response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS");
    }
  }

  /**
   * One transaction for the claim, the work and the stored answer: one commit, and no lookup first
   * on the usual path. False when the key was already taken (the caller answers from the row).
   */
  private boolean claimedAndDone(Caller caller, String key, String hash, HttpServletRequest request,
      ContentCachingResponseWrapper recorded, FilterChain chain) {
    String owner = caller.owner();
    try {
      return Boolean.TRUE.equals(transaction.execute(status -> {
        if (!records.claim(owner, key, hash, caller.roleNames(), clock.instant())) {
          return false;
        }
        proceed(chain, request, recorded);
        if (recorded.getStatus() >= 400) {
          status.setRollbackOnly(); // refused or failed: nothing happened, so nothing is kept
        } else {
          records.finish(owner, key, recorded.getStatus(), recorded.getContentType(),
              StoredAnswers.withoutSecrets(recorded.getContentType(),
                  new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8)));
        }
        return true;
      }));
    } catch (DataIntegrityViolationException | CannotAcquireLockException raced) {
      return false; // H2 reports a racing twin as an error rather than waiting for it
    }
  }

  private static void proceed(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answerFrom(Stored earlier, Caller caller, String hash, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    if (!caller.mayReplay(earlier.callerRoles())) {
      // The stored answer is only for callers who may make this request themselves.
      refuse(request, response, HttpStatus.FORBIDDEN, "NOT_PERMITTED");
    } else if (!earlier.requestHash().equals(hash)) {
      refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED");
    } else if (!earlier.finished()) {
      refuse(request, response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS");
    } else {
      response.setStatus(earlier.status());
      response.setHeader("Idempotent-Replayed", "true");
      if (earlier.contentType() != null) {
        response.setContentType(earlier.contentType());
      }
      response.setCharacterEncoding("UTF-8");
      response.getOutputStream().write(earlier.body() == null ? new byte[0] : earlier.body().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
      throws IOException {
    problems.write(request, response, status, code, locales.resolveLocale(request));
  }

  private static Optional<SignedInAccount> caller() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInAccount account
        ? Optional.of(account) : Optional.empty();
  }

  /**
   * Who sends a key. Keys are shared per organisation (so a retry from another admin of the same
   * integration finds the answer) and per account for support engineers and operators; a stored
   * answer goes only to a caller holding every role of the first caller, or a Global admin, who
   * holds every right of their organisation.
   */
  record Caller(SignedInAccount account) {
    String owner() {
      return account.tenant().map(Object::toString).orElse("account:" + account.getUsername());
    }

    String roleNames() {
      return account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    boolean mayReplay(String firstCallerRoles) {
      Set<String> mine = account.roles().stream().map(Role::name).collect(Collectors.toSet());
      if (mine.contains(Role.GLOBAL_ADMIN.name())) {
        return true;
      }
      return firstCallerRoles != null && mine.containsAll(Arrays.asList(firstCallerRoles.split(",")));
    }
  }

  private static String hash(String line, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(line.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request with its body already read, so it can be both hashed and handled. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }
  }
}
