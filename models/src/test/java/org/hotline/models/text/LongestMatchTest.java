package org.hotline.models.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link LongestMatch} must cut exactly where HanLP's DoubleArrayTrieSegment cuts: saved models hash its words. */
class LongestMatchTest {
    private static final String[] SENTENCES = {
        "A市西湖建筑集团占道施工有安全隐患，每天上下班期间人流车流极多。",
        "位于书院路主干道的在水一方大厦一楼至四楼人为拆除水、电等设施",
        "2019年4月以来，小区物业公司扬言要退出小区(原水电在小区买，水4.23一吨)",
        "K市高速公路收费心酸？二型车0.4元每公里，ETC和APP都不好用",
        "鹭汀湾社区门口的路灯坏了，楼下有人占道经营，还拖欠工资",
        "我是三塘镇何坪村村民，新农合报销比例太低，低保名额分配不公",
        "",
        "a",
        "市",
        "占道",
        "占道经",
        "   ，。！？",
        "hello world 12345 ｆｕｌｌ　ｗｉｄｔｈ",
        "中华人民共和国成立以来，中华人民共和",
    };

    @Test
    void cutsLikeHanlpOnSentencesAndRandomText() {
        Set<String> words = new TreeSet<>(Segmenter.hotlineVocabulary());
        // a one-character word, and a word that is a prefix of a longer core-dictionary word
        words.addAll(List.of("鹭汀湾社区", "何坪村", "汀", "三塘", "路灯坏了", "中华人民共和"));
        DynamicCustomDictionary dictionary = Segmenter.customDictionary(words);
        LongestMatch matcher = new LongestMatch(dictionary);
        DoubleArrayTrieSegment hanlp = new DoubleArrayTrieSegment();
        hanlp.enablePartOfSpeechTagging(false).enableCustomDictionary(dictionary);

        List<String> texts = new ArrayList<>(List.of(SENTENCES));
        texts.addAll(randomTexts(new ArrayList<>(words), new Random(7), 3000));
        texts.addAll(cutOffs(new Random(8), 3000));
        for (String text : texts) {
            String normalized = TextNormalizer.normalize(text);
            assertThat(cuts(matcher, normalized)).as(normalized).isEqualTo(cuts(hanlp, normalized));
        }
    }

    @Test
    void cutsLikeHanlpWithoutInsertedWords() {
        DynamicCustomDictionary dictionary = Segmenter.customDictionary(Set.of());
        LongestMatch matcher = new LongestMatch(dictionary);
        DoubleArrayTrieSegment hanlp = new DoubleArrayTrieSegment();
        hanlp.enablePartOfSpeechTagging(false).enableCustomDictionary(dictionary);
        for (String text : SENTENCES) {
            String normalized = TextNormalizer.normalize(text);
            assertThat(cuts(matcher, normalized)).as(normalized).isEqualTo(cuts(hanlp, normalized));
        }
    }

    /** Dictionary words, their prefixes and odd characters glued together, so matches overlap and run to the end. */
    private static List<String> randomTexts(List<String> words, Random random, int count) {
        String odd = "的了在是有和市区路，。！ 0123456789abcXYZ-_/（）";
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                String word = words.get(random.nextInt(words.size()));
                switch (random.nextInt(3)) {
                    case 0 -> text.append(word);
                    case 1 -> text.append(word, 0, 1 + random.nextInt(word.length()));
                    default -> text.append(odd.charAt(random.nextInt(odd.length())));
                }
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** Pieces of the sentences that start and end anywhere, so scans often end inside a word. */
    private static List<String> cutOffs(Random random, int count) {
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
            int from = random.nextInt(sentence.length() + 1);
            texts.add(sentence.substring(from, from + random.nextInt(sentence.length() - from + 1)));
        }
        return texts;
    }

    private static List<String> cuts(LongestMatch matcher, String text) {
        char[] chars = text.toCharArray();
        int[] lengths = matcher.wordLengths(chars);
        List<String> words = new ArrayList<>();
        for (int start = 0; start < chars.length; start += lengths[start]) {
            words.add(new String(chars, start, lengths[start]));
        }
        return words;
    }

    private static List<String> cuts(DoubleArrayTrieSegment hanlp, String text) {
        List<String> words = new ArrayList<>();
        if (!text.isEmpty()) {
            for (Term term : hanlp.seg(text)) {
                words.add(term.word);
            }
        }
        return words;
    }
}
