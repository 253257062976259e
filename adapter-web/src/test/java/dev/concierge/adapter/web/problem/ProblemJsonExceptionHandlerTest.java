package dev.concierge.adapter.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.problem.ProblemJsonExceptionHandler.Problem;
import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.DomainException.Kind;
import dev.concierge.domain.shared.Violation;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

class ProblemJsonExceptionHandlerTest {

    /** What each kind of domain failure must answer. A kind missing here fails {@link #everyKindHasAnExpectedAnswer}. */
    private static final Map<Kind, ProblemType> EXPECTED = new EnumMap<>(Map.of(
            Kind.INVALID_INPUT, ProblemType.INVALID_REQUEST,
            Kind.UNAUTHENTICATED, ProblemType.UNAUTHENTICATED,
            Kind.FORBIDDEN, ProblemType.FORBIDDEN,
            Kind.NOT_FOUND, ProblemType.NOT_FOUND,
            Kind.CONFLICT, ProblemType.CONFLICT,
            Kind.GONE, ProblemType.GONE,
            Kind.MISMATCH, ProblemType.UNPROCESSABLE,
            Kind.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS));

    /** A failure of any kind, written the way a new domain exception would be. */
    private static final class SomeFailure extends DomainException {

        private static final long serialVersionUID = 1L;

        SomeFailure(Kind kind) {
            super(kind, "something about the " + kind);
        }
    }

    @Test
    void everyKindHasAnExpectedAnswer() {
        assertThat(EXPECTED.keySet()).isEqualTo(EnumSet.allOf(Kind.class));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindOfDomainFailureIsAnsweredWithItsOwnProblemNeverAsAFault(Kind kind) {
        Problem problem = ProblemJsonExceptionHandler.toProblem(new SomeFailure(kind));

        assertThat(problem.type()).isEqualTo(EXPECTED.get(kind).type().toString());
        assertThat(problem.status()).isEqualTo(EXPECTED.get(kind).status());
        assertThat(problem.status().is4xxClientError()).isTrue();
    }

    @Test
    void fieldsTheFailureConcernsAreListed() {
        DomainException taken = new DomainException(Kind.CONFLICT, "name is taken") {
            private static final long serialVersionUID = 1L;

            @Override
            public List<Violation> violations() {
                return List.of(new Violation("name", "is taken"));
            }
        };

        Problem problem = ProblemJsonExceptionHandler.toProblem(taken);

        assertThat(problem.extensions().get("errors").toString()).contains("name", "is taken");
    }

    @Test
    void notFoundNeverEchoesWhatWasAskedFor() {
        Problem problem = ProblemJsonExceptionHandler.toProblem(new SomeFailure(Kind.NOT_FOUND));

        assertThat(problem.detail()).isEqualTo("Nothing is published under this address.");
    }

    @Test
    void unknownFaultsAreInternalAndSayNothing() {
        Problem problem = ProblemJsonExceptionHandler.toProblem(new IllegalStateException("jdbc:postgresql://secret"));

        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.detail()).doesNotContain("secret");
    }

    @ParameterizedTest
    @EnumSource(value = ProblemType.class, names = {"MALFORMED_REQUEST", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE",
            "REQUEST_TIMEOUT", "PAYLOAD_TOO_LARGE", "URI_TOO_LONG", "UNSUPPORTED_MEDIA_TYPE", "TOO_MANY_REQUESTS",
            "HEADERS_TOO_LARGE", "UNAVAILABLE"})
    void protocolProblemsAreTitledLikeTheStatusLine(ProblemType type) {
        assertThat(type.title()).isEqualTo(HttpResponseStatus.valueOf(type.status().value()).reasonPhrase());
    }

    @Test
    void everyProblemTypeHasItsOwnUrn() {
        assertThat(EnumSet.allOf(ProblemType.class)).extracting(ProblemType::type).doesNotHaveDuplicates()
                .allSatisfy(uri -> assertThat(uri.toString()).startsWith("urn:concierge:problem:"));
    }

    @Test
    void tooManyAttemptsSaysHowManyWholeSecondsToWaitRoundedUp() {
        Problem problem = ProblemJsonExceptionHandler.toProblem(
                new dev.concierge.domain.account.TooManyAttemptsException(java.time.Duration.ofMillis(29_001)));

        assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("30");
        assertThat(ProblemJsonExceptionHandler.wholeSeconds(java.time.Duration.ZERO)).isEqualTo(1);
    }

    @Test
    void aFullHashingPoolIsABusyAnswerWithRetryAfter() {
        Problem problem = ProblemJsonExceptionHandler.toProblem(
                new java.util.concurrent.RejectedExecutionException("pool full"));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(problem.detail()).doesNotContain("pool");
    }

    @Test
    void anUnauthenticatedAnswerNamesTheBearerScheme() {
        Problem problem = ProblemJsonExceptionHandler.toProblem(
                new dev.concierge.domain.account.SessionRejectedException());

        assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(problem.headers().getFirst("WWW-Authenticate")).isEqualTo("Bearer realm=\"concierge\"");
    }

    @Test
    void aRefusalMeantToSlowTheClientDownIsHeldBeforeItIsAnswered() {
        var exchange = org.springframework.mock.web.server.MockServerWebExchange.from(
                        org.springframework.mock.http.server.reactive.MockServerHttpRequest.post("/api/v1/auth/login"));
        ProblemJsonExceptionHandler handler = new ProblemJsonExceptionHandler(java.time.Duration.ofSeconds(5));

        // Retry-After 30 s: held the longest, 5 s, give or take half of it.
        reactor.test.StepVerifier.withVirtualTime(() -> handler.handle(exchange,
                        new dev.concierge.domain.account.TooManyAttemptsException(java.time.Duration.ofSeconds(30))))
                .expectSubscription()
                .expectNoEvent(java.time.Duration.ofMillis(2499))
                .thenAwait(java.time.Duration.ofMillis(5001))
                .verifyComplete();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void holdsAreSpreadBetweenHalfAndOneAndAHalfTimesTheHold() {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            java.time.Duration hold = ProblemJsonExceptionHandler.jittered(java.time.Duration.ofSeconds(1));
            assertThat(hold).isBetween(java.time.Duration.ofMillis(500), java.time.Duration.ofMillis(1500));
            seen.add(hold.toMillis() / 100);
        }
        assertThat(seen).as("spread over the range").hasSizeGreaterThan(5);
    }

    @Test
    void aBusyRefusalIsHeldAboutASecond() {
        var exchange = org.springframework.mock.web.server.MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.post("/api/v1/auth/login"));
        ProblemJsonExceptionHandler handler = new ProblemJsonExceptionHandler(java.time.Duration.ofSeconds(5));

        reactor.test.StepVerifier.withVirtualTime(() -> handler.handle(exchange,
                        new java.util.concurrent.RejectedExecutionException("pool full")))
                .expectSubscription()
                .expectNoEvent(java.time.Duration.ofMillis(499))
                .thenAwait(java.time.Duration.ofMillis(1001))
                .verifyComplete();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void otherProblemsAreAnsweredAtOnce() {
        var exchange = org.springframework.mock.web.server.MockServerWebExchange.from(
                org.springframework.mock.http.server.reactive.MockServerHttpRequest.post("/api/v1/auth/login"));
        ProblemJsonExceptionHandler handler = new ProblemJsonExceptionHandler(java.time.Duration.ofSeconds(1));

        reactor.test.StepVerifier.withVirtualTime(() -> handler.handle(exchange,
                        new dev.concierge.domain.account.SignInFailedException()))
                .expectSubscription()
                .verifyComplete();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
