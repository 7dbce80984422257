package org.hotline.alerts.emerging;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Ways to cut a record's text into candidate phrases for burst detection. */
public final class Phrases {
    private static final Pattern CALENDAR = Pattern.compile("\\d+(年|年度|月|月份|日|号|时|点|点钟|分|秒|周|天|个月)");

    private Phrases() {
    }

    /**
     * HanLP words of two or more characters that carry content (nouns, verbs, adjectives, names), plus
     * adjacent pairs of such words ("暖气 不热" → "暖气不热"), which name new problems better than single words.
     */
    public static Function<String, Set<String>> hanlpWordsAndBigrams() {
        return text -> {
            List<Term> terms = HanLP.segment(text);
            Set<String> phrases = new LinkedHashSet<>();
            String previous = null;
            for (Term term : terms) {
                String word = term.word.trim();
                String nature = term.nature == null ? "" : term.nature.toString();
                boolean content = word.length() >= 2 && isContentNature(nature);
                if (content) {
                    phrases.add(word);
                    if (previous != null) {
                        phrases.add(previous + word);
                    }
                    previous = word;
                } else {
                    previous = null;
                }
            }
            return phrases;
        };
    }

    /**
     * The same from tokens already cut (space-joined, as a tagged record carries them), without part-of-speech tags:
     * tokens of two or more characters with a letter or ideograph, adjacent pairs of such tokens, and runs of two or
     * more single-ideograph tokens joined ("以 旧 换" → "以旧换"). A dictionary segmenter cuts a word it does not know
     * into single characters, and a new problem is often named by a new word, so the runs are where it shows. Cheaper
     * than segmenting again; function words such as "已经" pass, but a burst detector ignores words whose share does
     * not change.
     */
    public static Function<String, Set<String>> tokensAndBigrams() {
        return tokens -> {
            Set<String> phrases = new LinkedHashSet<>();
            String previous = null;
            StringBuilder run = new StringBuilder();
            for (String token : tokens.strip().split("\\s+")) {
                if (isSingleIdeograph(token)) {
                    run.append(token);
                } else {
                    addRun(run, phrases);
                }
                if (isWordLike(token)) {
                    phrases.add(token);
                    if (previous != null) {
                        phrases.add(previous + token);
                    }
                    previous = token;
                } else {
                    previous = null;
                }
            }
            addRun(run, phrases);
            return phrases;
        };
    }

    private static boolean isSingleIdeograph(String token) {
        return token.codePointCount(0, token.length()) == 1 && Character.isIdeographic(token.codePointAt(0));
    }

    private static void addRun(StringBuilder run, Set<String> phrases) {
        if (run.codePointCount(0, run.length()) >= 2) {
            phrases.add(run.toString());
        }
        run.setLength(0);
    }

    /**
     * Two or more characters with at least one letter or ideograph: no punctuation, numbers or "的"; nor a date or
     * time ("3月", "10日", "5号"), whose share rises every time its day comes round.
     */
    public static boolean isWordLike(String token) {
        return token.codePointCount(0, token.length()) >= 2 && token.codePoints().anyMatch(Character::isLetter)
                && !CALENDAR.matcher(token).matches();
    }

    private static boolean isContentNature(String nature) {
        return nature.startsWith("n") || nature.startsWith("v") || nature.startsWith("a") || nature.startsWith("g");
    }

    /** Character n-grams of the text without spaces and punctuation; needs no dictionary. */
    public static Function<String, Set<String>> characterNgrams(int n) {
        return text -> {
            String normalized = text.replaceAll("[\\s\\p{Punct}，。！？、；：“”‘’（）《》【】…—]+", "");
            Set<String> grams = new LinkedHashSet<>();
            for (int i = 0; i + n <= normalized.length(); i++) {
                grams.add(normalized.substring(i, i + n));
            }
            return grams;
        };
    }
}
