package dev.concierge.adapter.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which language model answers the visitors, and how patiently. The host application builds one from its own typed
 * configuration (usually with {@link #fromEnvironment}) and registers it as a bean; without one, {@link #defaults()}
 * apply: the offline assistant.
 *
 * @param provider       who answers
 * @param apiKey         the provider's API key; {@code null} for the offline assistant, and for an OpenAI-compatible
 *                       server at a {@code baseUrl} that needs none; never shown by {@link #toString()}
 * @param model          the model used when a tenant picked none, or one not in {@code allowedModels}
 * @param baseUrl        the API's base URL ({@code http} or {@code https}), or {@code null} for the provider's own
 * @param allowedModels  the other models a tenant may pick
 * @param connectTimeout the longest wait for a connection, positive
 * @param readTimeout    the longest wait for the first piece of an answer, and then for each next one, positive
 * @param maxRetries     how often a call that may pass (429, 5xx, timeout, no connection) is repeated, 0 to 10
 * @param firstBackoff   the pause before the first retry, doubled for each further one, positive
 */
public record LlmSettings(Provider provider, String apiKey, String model, String baseUrl, List<String> allowedModels,
        Duration connectTimeout, Duration readTimeout, int maxRetries, Duration firstBackoff) {

    /** Who answers the visitors. */
    public enum Provider {
        /** The offline assistant: a fixed answer, no network. */
        OFFLINE(null),
        /** OpenAI, or any server that speaks its Chat Completions API at {@code baseUrl}. */
        OPENAI("gpt-4o-mini"),
        /** Anthropic's Messages API. */
        ANTHROPIC("claude-3-5-haiku-latest");

        private final String defaultModel;

        Provider(String defaultModel) {
            this.defaultModel = defaultModel;
        }

        /** The model used when none is configured; {@code null} for the offline assistant. */
        public String defaultModel() {
            return defaultModel;
        }

        /** @param name {@code offline}, {@code openai} or {@code anthropic}, in any case */
        public static Provider of(String name) {
            for (Provider provider : values()) {
                if (provider.name().equalsIgnoreCase(name.strip())) {
                    return provider;
                }
            }
            throw new IllegalArgumentException("LLM_PROVIDER must be one of offline, openai, anthropic; was '"
                    + name + "'");
        }
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(500);

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        allowedModels = allowedModels == null ? List.of()
                : allowedModels.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(firstBackoff, "firstBackoff");
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, was " + maxRetries);
        }
        apiKey = blankToNull(apiKey);
        baseUrl = blankToNull(baseUrl);
        if (provider == Provider.OFFLINE) {
            model = null;
        } else {
            model = blankToNull(model) == null ? provider.defaultModel() : model.strip();
            if (baseUrl != null) {
                baseUrl = requireHttpUrl(baseUrl.strip());
            }
            if (apiKey == null && (provider == Provider.ANTHROPIC || baseUrl == null)) {
                throw new IllegalArgumentException(provider == Provider.ANTHROPIC
                        ? "the anthropic provider needs ANTHROPIC_API_KEY"
                        : "the openai provider needs OPENAI_API_KEY, unless LLM_BASE_URL names a server without keys");
            }
        }
    }

    /** The offline assistant. */
    public static LlmSettings defaults() {
        return new LlmSettings(Provider.OFFLINE, null, null, null, List.of(), DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_FIRST_BACKOFF);
    }

    /**
     * Settings from the platform's environment variables, each {@code null} or blank when not set, with the default
     * timeouts and retries.
     *
     * <p>{@code LLM_PROVIDER} ({@code offline}, {@code openai}, {@code anthropic}) decides when set. When it is not:
     * an {@code OPENAI_API_KEY} selects OpenAI (as on the original platform), else an {@code ANTHROPIC_API_KEY}
     * selects Anthropic, else an {@code LLM_BASE_URL} alone selects an OpenAI-compatible server without a key (a local
     * Ollama), else the offline assistant answers. The key is the chosen provider's.
     *
     * @param provider        {@code LLM_PROVIDER}
     * @param openAiApiKey    {@code OPENAI_API_KEY}
     * @param anthropicApiKey {@code ANTHROPIC_API_KEY}
     * @param model           {@code LLM_MODEL}; the provider's default model when not set
     * @param baseUrl         {@code LLM_BASE_URL}
     * @param allowedModels   {@code LLM_ALLOWED_MODELS}: the models tenants may pick besides the default, separated
     *                        by commas
     * @throws IllegalArgumentException when a value is invalid, or the chosen provider has no key
     */
    public static LlmSettings fromEnvironment(String provider, String openAiApiKey, String anthropicApiKey,
            String model, String baseUrl, String allowedModels) {
        Provider chosen;
        if (blankToNull(provider) != null) {
            chosen = Provider.of(provider);
        } else if (blankToNull(openAiApiKey) != null) {
            chosen = Provider.OPENAI;
        } else if (blankToNull(anthropicApiKey) != null) {
            chosen = Provider.ANTHROPIC;
        } else if (blankToNull(baseUrl) != null) {
            chosen = Provider.OPENAI;
        } else {
            chosen = Provider.OFFLINE;
        }
        String apiKey = switch (chosen) {
            case OFFLINE -> null;
            case OPENAI -> openAiApiKey;
            case ANTHROPIC -> anthropicApiKey;
        };
        List<String> allowed = blankToNull(allowedModels) == null ? List.of()
                : Arrays.asList(allowedModels.split(","));
        return new LlmSettings(chosen, apiKey, model, baseUrl, allowed, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_FIRST_BACKOFF);
    }

    /** Everything but the API key: safe to log. */
    @Override
    public String toString() {
        if (provider == Provider.OFFLINE) {
            return "offline assistant";
        }
        return provider.name().toLowerCase(Locale.ROOT) + " model " + model + " at "
                + (baseUrl == null ? "the provider's API" : baseUrl)
                + (allowedModels.isEmpty() ? "" : ", tenants may pick " + String.join(", ", allowedModels))
                + " (" + (apiKey == null ? "no API key" : "with API key") + "; connect timeout "
                + connectTimeout.toMillis() + " ms, read timeout " + readTimeout.toMillis() + " ms, " + maxRetries
                + " retries from " + firstBackoff.toMillis() + " ms)";
    }

    private static String requireHttpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("LLM_BASE_URL is not a URL", e);
        }
        if (uri.getUserInfo() != null) {
            // Not repeated in the message: the part before the @ is a password.
            throw new IllegalArgumentException("LLM_BASE_URL must not hold credentials; use the API key instead");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("LLM_BASE_URL must be an http or https URL, was '" + url + "'");
        }
        return url;
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
