package dev.concierge.adapter.llm.provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which model answers: the one a tenant picked if the operator allows it, else the operator's default. A tenant's
 * choice is a setting anyone with the owner's password can change, so it must not reach an expensive model the
 * operator did not list.
 *
 * @param defaultModel the model used when none, or one not allowed, is asked for
 * @param allowed      the models that may be asked for; always holds {@code defaultModel}
 */
public record ModelChoice(String defaultModel, Set<String> allowed) {

    public ModelChoice {
        Objects.requireNonNull(defaultModel, "defaultModel");
        if (defaultModel.isBlank()) {
            throw new IllegalArgumentException("the default model must not be blank");
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(defaultModel);
        all.addAll(allowed);
        allowed = Set.copyOf(all);
    }

    public static ModelChoice of(String defaultModel, List<String> allowed) {
        return new ModelChoice(defaultModel, Set.copyOf(allowed));
    }

    /** @return {@code requested} when it is allowed, else the default model */
    public String choose(String requested) {
        return requested != null && allowed.contains(requested.strip()) ? requested.strip() : defaultModel;
    }
}
