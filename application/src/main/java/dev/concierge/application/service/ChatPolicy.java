package dev.concierge.application.service;

import dev.concierge.domain.account.RateLimit;
import dev.concierge.domain.account.RollingLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * What keeps the chat cheap and safe, enforced in the database so it holds across instances.
 *
 * @param perVisitor       messages one visitor may send
 * @param perTenant        messages all visitors of one tenant may send
 * @param dailyTokens      tokens a tenant's assistant may use per UTC day
 * @param historyChars     how much of the conversation (in characters, about four per token) goes to the model,
 *                         the newest kept
 * @param maxToolRounds    how often one reply may go back to the model with tool results
 * @param offeredSlots     how many slots a booking offer shows
 */
public record ChatPolicy(RollingLimit perVisitor, RateLimit perTenant, long dailyTokens, int historyChars,
        int maxToolRounds, int offeredSlots) {

    public ChatPolicy {
        Objects.requireNonNull(perVisitor, "perVisitor");
        Objects.requireNonNull(perTenant, "perTenant");
        if (dailyTokens < 1 || historyChars < 100 || maxToolRounds < 1 || offeredSlots < 1) {
            throw new IllegalArgumentException("every chat limit lets something through");
        }
    }

    /**
     * 20 messages per visitor in any ten minutes, 600 per tenant an hour, 200,000 tokens per tenant a day, about
     * 3,000 tokens of history, five tool rounds, six slots offered.
     */
    public static ChatPolicy defaults() {
        return new ChatPolicy(new RollingLimit(20, Duration.ofMinutes(10)), new RateLimit(600, Duration.ofHours(1)),
                200_000, 12_000, 5, 6);
    }
}
