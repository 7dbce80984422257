package org.hotline.models.sample;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import org.hotline.models.records.Reply;

/** Composes the official reply to an answered demand from the phrase bank: opening, what was done, closing. */
final class ReplyWriter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M月d日");
    private static final String SOME_DEPARTMENT = "相关部门";

    private final PhraseBank phrases;

    ReplyWriter(PhraseBank phrases) {
        this.phrases = phrases;
    }

    /** @param department the node's responsible department, or blank when the taxonomy names none */
    Reply write(DemandWriter.Words words, Scene scene, String department, OffsetDateTime repliedAt,
                RandomGenerator rng) {
        String answering = department == null || department.isBlank() ? SOME_DEPARTMENT : department;
        String text = String.join("", fill(phrases.pick("reply.opening", rng), words, scene, answering, repliedAt),
                fill(phrases.pick("reply.action", rng), words, scene, answering, repliedAt),
                phrases.pick("reply.closing", rng));
        return new Reply(text, repliedAt, department == null || department.isBlank() ? null : department);
    }

    private static String fill(String template, DemandWriter.Words words, Scene scene, String department,
                               OffsetDateTime repliedAt) {
        return template
                .replace("{kw}", words.kw())
                .replace("{topic}", words.topic())
                .replace("{community}", scene.community())
                .replace("{street}", scene.street().name())
                .replace("{department}", department)
                .replace("{date}", DATE.format(repliedAt));
    }
}
