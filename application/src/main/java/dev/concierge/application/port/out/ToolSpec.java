package dev.concierge.application.port.out;

import java.util.Objects;

/**
 * A tool the model may ask for.
 *
 * @param parameters a JSON Schema object describing the arguments
 */
public record ToolSpec(String name, String description, String parameters) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
