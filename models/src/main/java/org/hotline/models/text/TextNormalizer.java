package org.hotline.models.text;

/** Puts text in the one form segmentation and features see: half-width ASCII, lower case, single spaces. */
public final class TextNormalizer {
    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_TO_HALF_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean lastWasSpace = true;
        for (int i = 0; i < text.length(); i++) {
            char c = halfWidth(text.charAt(i));
            if (Character.isWhitespace(c)) {
                if (!lastWasSpace) {
                    out.append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            out.append(c < 128 ? Character.toLowerCase(c) : c);
            lastWasSpace = false;
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /** Citizens type numbers and Latin letters in full width as often as not; both forms must hash alike. */
    static char halfWidth(char c) {
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
            return (char) (c - FULL_TO_HALF_OFFSET);
        }
        return c == IDEOGRAPHIC_SPACE ? ' ' : c;
    }
}
