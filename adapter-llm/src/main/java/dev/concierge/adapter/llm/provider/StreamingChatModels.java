package dev.concierge.adapter.llm.provider;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * langchain4j's streaming models, built the same way for every provider: on the JDK HTTP client with the connect
 * timeout given and the read timeout as the wait for the response headers (the wait between streamed events is
 * {@link dev.concierge.adapter.llm.resilience.Resilience}'s), no request or response logging (requests hold the
 * visitors' messages, headers the API key), and no retries of langchain4j's own: its streaming models retry nothing,
 * and the retry policy is {@code Resilience}'s.
 *
 * <p>HTTP/1.1 only: over a plain {@code http://} URL the JDK client would otherwise ask to upgrade to HTTP/2 (h2c),
 * which several local servers (vLLM and Ollama behind uvicorn, LM Studio) answer by dropping the body or hanging.
 */
public final class StreamingChatModels {

    private StreamingChatModels() {
    }

    /**
     * @param baseUrl the API's base URL, such as {@code http://localhost:11434/v1} for Ollama, or {@code null} for
     *                OpenAI's
     * @param apiKey  the API key, or {@code null} for a server that needs none (a local Ollama, vLLM or LM Studio):
     *                then no {@code Authorization} header is sent
     */
    public static StreamingChatModel openAi(String baseUrl, String apiKey, String defaultModel,
            Duration connectTimeout, Duration readTimeout) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(httpClient(connectTimeout, readTimeout))
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(defaultModel)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    /** @param baseUrl the Messages API's base URL (ending in {@code /v1/}), or {@code null} for Anthropic's */
    public static StreamingChatModel anthropic(String baseUrl, String apiKey, String defaultModel,
            Duration connectTimeout, Duration readTimeout) {
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(httpClient(connectTimeout, readTimeout))
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(defaultModel)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    private static JdkHttpClientBuilder httpClient(Duration connectTimeout, Duration readTimeout) {
        return JdkHttpClient.builder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout);
    }
}
