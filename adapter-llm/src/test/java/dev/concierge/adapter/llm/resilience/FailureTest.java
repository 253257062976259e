package dev.concierge.adapter.llm.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.concierge.adapter.llm.resilience.Failure.Kind;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FailureTest {

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 529})
    void overloadAndServerErrorsMayPass(int status) {
        Failure failure = Failure.of(new HttpException(status, "body"));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.description()).contains(String.valueOf(status)).doesNotContain("body");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 413, 422})
    void otherClientErrorsDoNot(int status) {
        assertThat(Failure.of(new HttpException(status, "body")).retryable()).isFalse();
    }

    @Test
    void aRefusedKeyCountsAgainstTheProviderButARejectedRequestDoesNot() {
        assertThat(Failure.of(new HttpException(401, "")).providerUnwell()).isTrue();
        assertThat(Failure.of(new HttpException(400, "")).providerUnwell()).isFalse();
    }

    @Test
    void theStatusIsFoundBehindLangChainsMappedExceptions() {
        assertThat(Failure.of(new RateLimitException(new HttpException(429, "slow"))).retryable()).isTrue();
        assertThat(Failure.of(new AuthenticationException(new HttpException(401, "no"))).kind())
                .isEqualTo(Kind.REFUSED);
    }

    @Test
    void timeoutsAndConnectionFailuresMayPass() {
        assertThat(Failure.of(new TimeoutException("reactor")).retryable()).isTrue();
        assertThat(Failure.of(new RuntimeException(new HttpTimeoutException("jdk"))).retryable()).isTrue();
        assertThat(Failure.of(new RuntimeException(new ConnectException("refused"))).kind())
                .isEqualTo(Kind.UNREACHABLE);
        assertThat(Failure.of(new IOException("reset")).retryable()).isTrue();
    }

    @Test
    void anUnreadableAnswerDoesNotPassBeingAskedAgain() {
        Failure failure = Failure.of(new RuntimeException(new JsonParseException(null, "Unexpected end")));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.description()).contains("unreadable");
    }
}
