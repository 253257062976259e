package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Text;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How a tenant's widget looks and greets: title, launcher emoji, optional logo, first message, font, colours and
 * position on the host page.
 *
 * @param logoUrl an absolute https URL, or {@code null} for no logo
 */
public record Branding(
        String title,
        String buttonEmoji,
        URI logoUrl,
        String firstMessage,
        String font,
        HexColor primaryColor,
        HexColor textColor,
        Position position) {

    public static final String DEFAULT_EMOJI = "\uD83D\uDCAC";
    public static final String DEFAULT_FONT = "system-ui";
    public static final int MAX_LOGO_URL_LENGTH = 2048;
    /** In UTF-16 units: room for a few emoji joined into one, such as a family or a flag. */
    public static final int MAX_BUTTON_EMOJI_LENGTH = 16;
    public static final int MAX_FIRST_MESSAGE_LENGTH = 500;
    public static final int MAX_FONT_LENGTH = 60;
    /** As long as a display name, which a new tenant's title starts as. */
    public static final int MAX_TITLE_LENGTH = DisplayName.MAX_LENGTH;

    public Branding {
        title = Text.require(title, MAX_TITLE_LENGTH, false);
        buttonEmoji = Text.require(buttonEmoji, MAX_BUTTON_EMOJI_LENGTH, false);
        firstMessage = Text.require(firstMessage, MAX_FIRST_MESSAGE_LENGTH, true);
        font = requireFont(font);
        if (logoUrl != null) {
            requireLogo(logoUrl);
        }
        Objects.requireNonNull(primaryColor, "primaryColor");
        Objects.requireNonNull(textColor, "textColor");
        Objects.requireNonNull(position, "position");
    }

    /**
     * A font family name, or a comma-separated list of them, as CSS's {@code font-family} takes it; nothing that
     * could close the declaration.
     *
     * @throws InvalidValueException if {@code raw} is not one
     */
    public static String requireFont(String raw) {
        String font = Text.require(raw, MAX_FONT_LENGTH, false);
        if (!font.matches("[\\p{L}\\p{N} ,'-]+")) {
            throw new InvalidValueException("must be a font family name");
        }
        return font;
    }

    /**
     * Parses a logo address: an absolute https URL of at most {@value #MAX_LOGO_URL_LENGTH} characters.
     *
     * @throws InvalidValueException if {@code raw} is not one
     */
    public static URI parseLogo(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        try {
            return requireLogo(new URI(raw.strip()));
        } catch (java.net.URISyntaxException e) {
            throw new InvalidValueException("must be an absolute https URL");
        }
    }

    private static URI requireLogo(URI logo) {
        if (!"https".equalsIgnoreCase(logo.getScheme()) || logo.getHost() == null
                || logo.toString().length() > MAX_LOGO_URL_LENGTH) {
            throw new InvalidValueException("must be an absolute https URL of at most " + MAX_LOGO_URL_LENGTH
                    + " characters");
        }
        return logo;
    }

    /**
     * The look a new tenant starts with, titled with its display name.
     */
    public static Branding defaultsFor(DisplayName name) {
        return new Branding(name.value(), DEFAULT_EMOJI, null, "Hello! How can I help you today?", DEFAULT_FONT,
                HexColor.of("#1f6feb"), HexColor.of("#ffffff"), Position.BOTTOM_RIGHT);
    }

    public Branding withTitle(String newTitle) {
        return new Branding(newTitle, buttonEmoji, logoUrl, firstMessage, font, primaryColor, textColor, position);
    }

    public Optional<URI> logo() {
        return Optional.ofNullable(logoUrl);
    }
}
