import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds each line of a JSONL file with BGE-small-zh v1.5 (ONNX, from Maven Central via langchain4j): title + "。"
 * + content, or "text" when present, cut to 500 characters (the model reads at most 512 tokens). Writes
 * big-endian rows: count, then per row the id (modified UTF-8), the dimension and the floats.
 * Usage: Emb IN.jsonl OUT.bin
 */
public class Emb {
    public static void main(String[] args) throws Exception {
        var model = new BgeSmallZhV15EmbeddingModel();
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String text = node.has("text") ? node.get("text").asText()
                    : (node.path("title").asText("") + "。" + node.path("content").asText("")).replaceAll("\\s+", " ");
            texts.add(text.length() > 500 ? text.substring(0, 500) : text);
            ids.add(node.path("id").asText());
        }
        long start = System.nanoTime();
        try (var out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[1])))) {
            out.writeInt(texts.size());
            for (int i = 0; i < texts.size(); i += 16) {
                var batch = texts.subList(i, Math.min(texts.size(), i + 16)).stream().map(TextSegment::from).toList();
                var embeddings = model.embedAll(batch).content();
                for (int j = 0; j < embeddings.size(); j++) {
                    out.writeUTF(ids.get(i + j));
                    float[] vector = embeddings.get(j).vector();
                    out.writeInt(vector.length);
                    for (float value : vector) {
                        out.writeFloat(value);
                    }
                }
                if (i / 16 % 20 == 0) {
                    System.err.printf("%d/%d, %.1f texts/s%n", i + batch.size(), texts.size(),
                            (i + batch.size()) / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
        System.err.printf("%d texts in %.1f s%n", texts.size(), (System.nanoTime() - start) / 1e9);
    }
}
