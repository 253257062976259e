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
        font = Text.require(font, MAX_FONT_LENGTH, false);
        if (!font.matches("[\\p{L}\\p{N} ,'-]+")) {
            throw new InvalidValueException("font must be a font family name");
        }
        if (logoUrl != null && (!"https".equalsIgnoreCase(logoUrl.getScheme()) || logoUrl.getHost() == null
                || logoUrl.toString().length() > MAX_LOGO_URL_LENGTH)) {
            throw new InvalidValueException("logo must be an absolute https URL of at most " + MAX_LOGO_URL_LENGTH
                    + " characters");
        }
        Objects.requireNonNull(primaryColor, "primaryColor");
        Objects.requireNonNull(textColor, "textColor");
        Objects.requireNonNull(position, "position");
    }

    /**
     * The look a new tenant starts with, titled with its display name.
     */
    public static Branding defaultsFor(DisplayName name) {
        return new Branding(name.value(), DEFAULT_EMOJI, null, "Hello! How can I help you today?", DEFAULT_FONT,
                HexColor.of("#1f6feb"), HexColor.of("#ffffff"), Position.BOTTOM_RIGHT);
    }

    public Optional<URI> logo() {
        return Optional.ofNullable(logoUrl);
    }
}
