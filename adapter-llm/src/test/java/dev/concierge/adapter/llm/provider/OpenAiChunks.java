package dev.concierge.adapter.llm.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The chunks of OpenAI's streamed Chat Completions, as its API writes them. */
final class OpenAiChunks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiChunks() {
    }

    static String text(String content) {
        return chunk("{\"content\":" + quote(content) + "}", null);
    }

    static String firstToolCallPiece(int index, String id, String name) {
        return chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":" + index + ",\"id\":"
                + quote(id) + ",\"type\":\"function\",\"function\":{\"name\":" + quote(name)
                + ",\"arguments\":\"\"}}]}", null);
    }

    static String toolArgumentsPiece(int index, String piece) {
        return chunk("{\"tool_calls\":[{\"index\":" + index + ",\"function\":{\"arguments\":" + quote(piece)
                + "}}]}", null);
    }

    static String finish(String reason) {
        return chunk("{}", reason);
    }

    /** The last chunk when {@code stream_options.include_usage} is set: no choices, the usage. */
    static String usage(int prompt, int completion) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    static String done() {
        return "[DONE]";
    }

    static String error(String message, String type) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", type);
        return error.toString();
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : quote(finishReason)) + "}]}";
    }

    private static String quote(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }
}
