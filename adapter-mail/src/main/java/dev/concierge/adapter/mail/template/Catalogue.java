package dev.concierge.adapter.mail.template;

import dev.concierge.domain.tenant.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of every mail in one language, read once from {@code messages_<code>.properties} (UTF-8) beside this
 * class. Texts name their values as {@code {name}} placeholders; a placeholder without a value, or a key without a
 * text, is a defect in the templates and fails loudly rather than sending a mail with a hole in it.
 */
final class Catalogue {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Language language;
    private final Map<String, String> texts;

    private Catalogue(Language language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    static Catalogue load(Language language) {
        String name = "messages_" + language.code() + ".properties";
        try (InputStream in = Catalogue.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no mail catalogue " + name + " on the class path");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return new Catalogue(language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the mail catalogue " + name, e);
        }
    }

    Locale locale() {
        return Locale.forLanguageTag(language.code());
    }

    String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("the " + language.code() + " mail catalogue has no text " + key);
        }
        return text;
    }

    /** The text of {@code key} with its placeholders replaced, in one pass: a value is never read as a placeholder. */
    String fill(String key, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(text(key));
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for " + placeholder.group() + " in " + key);
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }
}
