package org.hotline.models.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.hotline.models.records.Channel;

/**
 * Composes the title and content of a demand from the phrase bank: an opening, when it started, the problem in
 * the leaf's words, its impact, earlier attempts, a request, and any personal data the citizen added.
 */
final class DemandWriter {
    static final int MIN_CONTENT = 80;
    static final int MAX_CONTENT = 400;
    private static final int MAX_TITLE = 40;

    /** The words of the demand: {@code kw} and {@code kw2} are keywords, {@code topic} names the leaf. */
    record Words(String kw, String kw2, String topic) {}

    record Text(String title, String content) {}

    private final PhraseBank phrases;

    DemandWriter(PhraseBank phrases) {
        this.phrases = phrases;
    }

    Text write(Words words, Scene scene, DemandKind kind, Channel channel, List<String> personalData,
               RandomGenerator rng) {
        String title = fill(phrases.pick(kind.titleSection, rng), words, scene, scene.shortPlace(rng), rng);
        if (title.length() > MAX_TITLE) {
            title = fill("反映{kw}问题", words, scene, "", rng);
        }
        List<String> optional = new ArrayList<>();
        Set<String> used = new HashSet<>();
        String opening = fill(phrases.pick(openingSection(scene, channel), rng), words, scene, scene.place(rng), rng);
        StringBuilder body = new StringBuilder();
        if (rng.nextDouble() < 0.45) {
            body.append(fill(phrases.pick("background", rng), words, scene, scene.place(rng), rng));
        }
        if (rng.nextDouble() < 0.7) {
            body.append(fill(phrases.pick("duration", rng), words, scene, "", rng));
        }
        body.append(problem(kind.problemSection, used, words, scene, rng));
        // more problem sentences, worded differently, make longer demands and repeat the signal less exactly
        int more = rng.nextDouble() < 0.6 ? 1 + rng.nextInt(2) : 0;
        for (int i = 0; i < more; i++) {
            body.append(problem(kind.problemSection, used, words, scene, rng));
        }
        if (kind.grievance() && rng.nextDouble() < 0.85) {
            optional.add(fill(phrases.pick("impact", rng), words, scene, "", rng));
        }
        int details = rng.nextDouble() < (kind.grievance() ? 0.8 : 0.4) ? 1 + rng.nextInt(3) : 0;
        Set<String> usedDetails = new HashSet<>();
        for (int i = 0; i < details; i++) {
            String detail = fill(phrases.pick("detail", rng), words, scene, "", rng);
            if (usedDetails.add(detail)) {
                optional.add(detail);
            }
        }
        if (kind.grievance() && rng.nextDouble() < 0.5) {
            optional.add(phrases.pick("prior", rng));
        }
        String request = phrases.pick(kind.requestSection, rng)
                + (rng.nextDouble() < 0.25 ? phrases.pick("closing", rng) : "");
        String noise = rng.nextDouble() < 0.2 ? phrases.pick("noise", rng) : "";
        return new Text(title, fit(opening, body.toString(), noise, optional, request, personalData, used, words,
                scene, rng));
    }

    private String openingSection(Scene scene, Channel channel) {
        if (scene.company() != null) {
            return "opening.enterprise";
        }
        return channel == Channel.PHONE ? "opening.third" : "opening.first";
    }

    /** A problem sentence whose template this demand has not used yet. */
    private String problem(String section, Set<String> used, Words words, Scene scene, RandomGenerator rng) {
        String template = phrases.pick(section, rng);
        for (int attempt = 0; attempt < 5 && used.contains(template); attempt++) {
            template = phrases.pick(section, rng);
        }
        used.add(template);
        String sentence = fill(template, words, scene, scene.place(rng), rng);
        return endsWithPunctuation(sentence) ? sentence : sentence + "，";
    }

    /** Joins the parts, dropping optional ones above the maximum length and padding below the minimum. */
    private String fit(String opening, String body, String noise, List<String> optional, String request,
                       List<String> personalData, Set<String> used, Words words, Scene scene,
                       RandomGenerator rng) {
        String pii = String.join("", personalData);
        List<String> extras = new ArrayList<>(optional);
        String content = assemble(opening, body, noise, extras, request, pii);
        while (content.length() > MAX_CONTENT && !extras.isEmpty()) {
            extras.remove(extras.size() - 1);
            content = assemble(opening, body, noise, extras, request, pii);
        }
        StringBuilder longer = new StringBuilder(body);
        while (content.length() < MIN_CONTENT) {
            longer.append(problem("problem", used, words, scene, rng));
            content = assemble(opening, longer.toString(), noise, extras, request, pii);
        }
        return content.length() <= MAX_CONTENT ? content : content.substring(0, MAX_CONTENT - 1) + "。";
    }

    private static String assemble(String opening, String body, String noise, List<String> extras, String request,
                                   String pii) {
        StringBuilder text = new StringBuilder(opening).append(body);
        if (extras.isEmpty()) {
            replaceTrailingComma(text);
        } else {
            text.append(noise);
            extras.forEach(text::append);
        }
        return text.append(request).append(pii).toString();
    }

    private static void replaceTrailingComma(StringBuilder text) {
        int last = text.length() - 1;
        if (last >= 0 && text.charAt(last) == '，') {
            text.setCharAt(last, '。');
        }
    }

    private static boolean endsWithPunctuation(String sentence) {
        return !sentence.isEmpty() && "。，！？：；,".indexOf(sentence.charAt(sentence.length() - 1)) >= 0;
    }

    private String fill(String template, Words words, Scene scene, String place, RandomGenerator rng) {
        String text = template
                .replace("{kw2}", words.kw2())
                .replace("{kw}", words.kw())
                .replace("{topic}", words.topic())
                .replace("{place}", place)
                .replace("{community}", scene.community())
                .replace("{road}", scene.road())
                .replace("{street}", scene.street().name())
                .replace("{district}", scene.district().name())
                .replace("{company}", scene.company() == null ? "某公司" : scene.company());
        if (text.contains("{time}")) {
            text = text.replace("{time}", phrases.pick("time", rng));
        }
        if (text.contains("{since}")) {
            text = text.replace("{since}", since(rng));
        }
        if (text.contains("{n}")) {
            text = text.replace("{n}", Integer.toString(2 + rng.nextInt(7)));
        }
        return text;
    }

    private static String since(RandomGenerator rng) {
        return switch (rng.nextInt(4)) {
            case 0 -> (1 + rng.nextInt(12)) + "月份";
            case 1 -> "去年" + (1 + rng.nextInt(12)) + "月";
            case 2 -> "今年年初";
            default -> "春节前后";
        };
    }
}
