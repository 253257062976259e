package dev.concierge.adapter.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.ToolSpec;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolSchemasTest {

    @Test
    void everyKeywordOfAPropertyReachesTheProvider() {
        ToolSpecification specification = ToolSchemas.toSpecifications(List.of(new ToolSpec("propose_booking",
                "Proposes a slot", """
                {"type":"object","properties":{
                  "slot":{"type":"string","format":"date-time","pattern":"^2026"},
                  "people":{"type":"array","items":{"$ref":"#/$defs/person"},"minItems":1}},
                 "required":["slot"],
                 "$defs":{"person":{"type":"object","properties":{"name":{"type":"string"}}}}}"""))).get(0);

        JsonObjectSchema parameters = specification.parameters();
        Map<String, Object> sent = JsonSchemaElementUtils.toMap(parameters);

        assertThat(specification.name()).isEqualTo("propose_booking");
        assertThat(specification.description()).isEqualTo("Proposes a slot");
        assertThat(parameters.required()).containsExactly("slot");
        assertThat(sent.get("properties")).isEqualTo(Map.of(
                "slot", Map.of("type", "string", "format", "date-time", "pattern", "^2026"),
                "people", Map.of("type", "array", "items", Map.of("$ref", "#/$defs/person"), "minItems", 1)));
        assertThat(parameters.definitions()).containsOnlyKeys("person");
    }

    @Test
    void parametersThatAreNotAnObjectSchemaAreAProgrammingError() {
        assertThatThrownBy(() -> ToolSchemas.toSpecifications(List.of(new ToolSpec("t", "d", "not json"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool t");
        assertThatThrownBy(() -> ToolSchemas.toSpecifications(List.of(new ToolSpec("t", "d",
                "{\"type\":\"string\"}")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolSchemas.toSpecifications(List.of(new ToolSpec("t", "d",
                "{\"type\":\"object\",\"properties\":{\"a\":true}}")))).isInstanceOf(IllegalArgumentException.class);
    }
}
