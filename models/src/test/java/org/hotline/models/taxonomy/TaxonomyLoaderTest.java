package org.hotline.models.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsThePlainGovernmentFormWithChineseHeaders() throws IOException {
        Path file = write("gov.csv", """
                一级分类,二级分类,三级分类
                城乡建设,安全生产,事故处理
                城乡建设,安全生产,安全隐患
                环境保护,环境污染,噪音污染
                """);

        Taxonomy taxonomy = Taxonomy.load(file);

        assertThat(taxonomy.roots()).extracting(TaxonomyNode::name).containsExactly("城乡建设", "环境保护");
        assertThat(taxonomy.leaves()).extracting(TaxonomyNode::path).containsExactly(
                List.of("城乡建设", "安全生产", "事故处理"),
                List.of("城乡建设", "安全生产", "安全隐患"),
                List.of("环境保护", "环境污染", "噪音污染"));
        assertThat(taxonomy.size()).isEqualTo(2 + 2 + 3);
        assertThat(taxonomy.depth()).isEqualTo(3);
        assertThat(taxonomy.leaves().get(0).department()).isEmpty();
        assertThat(taxonomy.leaves().get(0).slaDays()).isZero();
    }

    @Test
    void theEnrichedFormInheritsDepartmentAndSlaButNotKeywords() throws IOException {
        Path file = write("rich.csv", """
                # version: city-2026.3
                level1,level2,level3,level4,department,keywords,description,slaDays
                环境保护,,,,市生态环境局,,环境问题,7
                环境保护,环境污染,噪音污染,,,噪音|扰民| 施工噪声 |噪音,夜间噪音扰民,3
                环境保护,环境污染,水污染,,市水务局,排污|黑臭水体|河水发臭,河湖水体污染,
                """);

        Taxonomy taxonomy = Taxonomy.load(file);

        assertThat(taxonomy.version()).isEqualTo("city-2026.3");
        TaxonomyNode noise = taxonomy.require(List.of("环境保护", "环境污染", "噪音污染"));
        assertThat(noise.department()).isEqualTo("市生态环境局");
        assertThat(noise.keywords()).containsExactly("噪音", "扰民", "施工噪声");
        assertThat(noise.description()).isEqualTo("夜间噪音扰民");
        assertThat(noise.slaDays()).isEqualTo(3);
        TaxonomyNode water = taxonomy.require(List.of("环境保护", "环境污染", "水污染"));
        assertThat(water.department()).isEqualTo("市水务局");
        assertThat(water.slaDays()).isEqualTo(7);
        TaxonomyNode implied = taxonomy.require(List.of("环境保护", "环境污染"));
        assertThat(implied.keywords()).isEmpty();
        assertThat(implied.department()).isEqualTo("市生态环境局");
    }

    @Test
    void aFileWithoutVersionGetsOneThatFollowsItsContent() throws IOException {
        Path first = write("plain.csv", "一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n");
        String before = Taxonomy.load(first).version();
        Files.writeString(first, "一级分类,二级分类,三级分类\n民政,社会救助,农村低保\n");

        assertThat(before).startsWith("plain@").hasSize("plain@".length() + 8);
        assertThat(Taxonomy.load(first).version()).startsWith("plain@").isNotEqualTo(before);
    }

    @Test
    void readsAFourLevelFileWithMoreThanAThousandLeaves() throws IOException {
        StringBuilder csv = new StringBuilder("level1,level2,level3,level4,department,keywords,description,slaDays\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("一级").append(i / 400).append(",二级").append(i / 40).append(",三级").append(i / 4)
                    .append(",四级").append(i).append(",部门").append(i % 7).append(",词").append(i).append("|词x")
                    .append(",,").append(1 + i % 30).append('\n');
        }
        Path file = write("big.csv", csv.toString());

        Taxonomy taxonomy = Taxonomy.load(file);

        assertThat(taxonomy.leaves()).hasSize(1200).allSatisfy(leaf -> assertThat(leaf.level()).isEqualTo(4));
        assertThat(taxonomy.roots()).hasSize(3);
        assertThat(taxonomy.depth()).isEqualTo(4);
        assertThat(taxonomy.size()).isEqualTo(3 + 30 + 300 + 1200);
        assertThat(taxonomy.require(List.of("一级2", "二级29", "三级299", "四级1199")).slaDays()).isEqualTo(30);
    }

    @Test
    void readsTheChineseFourthLevelColumn() throws IOException {
        Path file = write("gov4.csv", """
                一级分类,二级分类,三级分类,四级分类
                城乡建设,城市建设和市政管理,环境卫生,垃圾清运
                城乡建设,城市建设和市政管理,环境卫生,公厕管理
                城乡建设,城市建设和市政管理,燃气供应,
                """);

        Taxonomy taxonomy = Taxonomy.load(file);

        assertThat(taxonomy.leaves()).extracting(TaxonomyNode::level).containsExactly(4, 4, 3);
        assertThat(taxonomy.children(List.of("城乡建设", "城市建设和市政管理", "环境卫生"))).hasSize(2);
    }

    @Test
    void readsTheNestedJsonForm() throws IOException {
        Path file = write("tax.json", """
                {"version": "json-1",
                 "nodes": [
                   {"name": "交通运输", "department": "市交通运输局", "slaDays": 7, "children": [
                     {"name": "出租车管理", "keywords": ["出租车"], "children": [
                       {"name": "网约车问题", "keywords": ["网约车", "滴滴", "网约车", " 平台派单 "],
                        "description": "网约车服务与平台", "slaDays": 5},
                       {"name": "运价监管", "keywords": ["打表"], "department": "市发展和改革委员会"}
                     ]}
                   ]}
                 ]}
                """);

        Taxonomy taxonomy = Taxonomy.load(file);

        assertThat(taxonomy.version()).isEqualTo("json-1");
        assertThat(taxonomy.size()).isEqualTo(4);
        TaxonomyNode ride = taxonomy.require(List.of("交通运输", "出租车管理", "网约车问题"));
        assertThat(ride.keywords()).containsExactly("网约车", "滴滴", "平台派单");
        assertThat(ride.department()).isEqualTo("市交通运输局");
        assertThat(ride.slaDays()).isEqualTo(5);
        assertThat(ride.description()).isEqualTo("网约车服务与平台");
        TaxonomyNode fare = taxonomy.require(List.of("交通运输", "出租车管理", "运价监管"));
        assertThat(fare.department()).isEqualTo("市发展和改革委员会");
        assertThat(fare.slaDays()).isEqualTo(7);
        assertThat(taxonomy.leaves()).hasSize(2);
    }

    @Test
    void csvAndJsonOfTheSameTreeAreEqual() throws IOException {
        Taxonomy fromCsv = Taxonomy.load(write("same.csv", """
                level1,level2,level3,department,keywords,slaDays
                民政,,,市民政局,,10
                民政,社会救助,城镇低保,,低保|最低生活保障|低保金,
                """));
        Taxonomy fromJson = Taxonomy.load(write("same.json", """
                {"nodes": [{"name": "民政", "department": "市民政局", "slaDays": 10, "children": [
                  {"name": "社会救助", "children": [
                    {"name": "城镇低保", "keywords": ["低保", "最低生活保障", "低保金"]}]}]}]}
                """));

        assertThat(fromJson.nodes()).containsExactlyElementsOf(fromCsv.nodes());
    }

    @Test
    void acceptsAByteOrderMark() throws IOException {
        Path file = write("bom.csv", "\uFEFF一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n");

        assertThat(Taxonomy.load(file).leaves()).hasSize(1);
    }

    private void assertFailsWith(String name, String text, String... fragments) throws IOException {
        Path file = write(name, text);
        assertThatThrownBy(() -> Taxonomy.load(file))
                .isInstanceOf(TaxonomyException.class)
                .message().contains(fragments);
    }

    @Test
    void aMissingLevelColumnIsNamed() throws IOException {
        assertFailsWith("cols.csv", "level1,level2,department\n民政,社会救助,市民政局\n",
                "cols.csv:1:", "missing column level3");
    }

    @Test
    void aFileWithoutHeaderIsReportedAsMissingColumns() throws IOException {
        assertFailsWith("nohead.csv", "民政,社会救助,城镇低保\n", "nohead.csv:1:", "missing column level1");
    }

    @Test
    void anUnknownColumnIsNamed() throws IOException {
        assertFailsWith("typo.csv", "level1,level2,level3,keyword\n民政,社会救助,城镇低保,低保\n",
                "typo.csv:1:", "unknown column 'keyword'");
    }

    @Test
    void aBlankLevelInTheMiddleOfAPathNamesItsLine() throws IOException {
        assertFailsWith("gap.csv", "一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n民政,,农村低保\n",
                "gap.csv:3:", "三级分类 '农村低保' has no 二级分类");
    }

    @Test
    void aFourthLevelWithoutThirdNamesItsLine() throws IOException {
        assertFailsWith("l4.csv", """
                # a comment line counts
                level1,level2,level3,level4
                民政,社会救助,城镇低保,申请
                民政,社会救助,,审核
                """, "l4.csv:4:", "level4 '审核' has no level3");
    }

    @Test
    void lineNumbersCountBlankLinesCommentsAndQuotedLineBreaks() throws IOException {
        assertFailsWith("lines.csv", """
                level1,level2,level3,description,slaDays

                民政,社会救助,城镇低保,"两行
                描述",5
                # a comment

                民政,社会救助,农村低保,,x
                """, "lines.csv:7:", "bad slaDays 'x'");
    }

    @Test
    void aDuplicatePathNamesBothLines() throws IOException {
        assertFailsWith("dup.csv", "一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n民政,社会救助,农村低保\n民政,社会救助,城镇低保\n",
                "dup.csv:4:", "duplicate path 民政 > 社会救助 > 城镇低保", "first at line 2");
    }

    @Test
    void aBadSlaIsNamedWithItsLine() throws IOException {
        assertFailsWith("sla.csv", "level1,level2,level3,slaDays\n民政,社会救助,城镇低保,5\n民政,社会救助,农村低保,五天\n",
                "sla.csv:3:", "bad slaDays '五天'");
        assertFailsWith("sla0.csv", "level1,level2,level3,slaDays\n民政,社会救助,城镇低保,0\n",
                "sla0.csv:2:", "bad slaDays '0'");
    }

    @Test
    void aRowWithTooManyFieldsAsksForQuotes() throws IOException {
        assertFailsWith("commas.csv", "level1,level2,level3,keywords\n民政,社会救助,城镇低保,低保,低保金\n",
                "commas.csv:2:", "5 fields but the header has 4");
    }

    @Test
    void anEmptyFileAndAnUnclosedQuoteAreNamed() throws IOException {
        assertFailsWith("empty.csv", "", "empty.csv:1: empty file");
        assertFailsWith("quote.csv", "level1,level2,level3,description\n民政,社会救助,城镇低保,\"未闭合\n",
                "quote.csv:", "malformed CSV");
    }

    @Test
    void anUnknownFormatIsRejected() throws IOException {
        assertFailsWith("taxonomy.xlsx", "whatever", "unknown taxonomy format", "taxonomy.xlsx", ".csv or .json");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.csv");
        assertThatThrownBy(() -> Taxonomy.load(file)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("absent.csv does not exist");
    }

    @Test
    void aNonUtf8FileIsRejectedWithAHint() throws IOException {
        Path file = dir.resolve("gbk.csv");
        Files.write(file, "一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n".getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> Taxonomy.load(file)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("gbk.csv is not UTF-8");
    }

    @Test
    void jsonErrorsNameTheirLine() throws IOException {
        assertFailsWith("noname.json", """
                {"nodes": [
                  {"name": "民政", "children": [
                    {"keywords": ["低保"]}
                  ]}
                ]}
                """, "noname.json:3:", "node without a \"name\"", "under 民政");
        assertFailsWith("badsla.json", """
                {"nodes": [
                  {"name": "民政",
                   "slaDays": "soon"}
                ]}
                """, "badsla.json:3:", "bad slaDays 'soon'");
        assertFailsWith("field.json", "{\"nodes\": [\n{\"name\": \"民政\", \"keyword\": []}]}",
                "field.json:2:", "unknown field 'keyword'");
        assertFailsWith("syntax.json", "{\"nodes\": [\n{\"name\": \"民政\",,}]}", "syntax.json:2:", "malformed JSON");
        assertFailsWith("nonodes.json", "{\"version\": \"x\"}", "nonodes.json:1:", "missing field 'nodes'");
        assertFailsWith("dup.json", """
                {"nodes": [
                  {"name": "民政"},
                  {"name": "民政"}
                ]}
                """, "dup.json:3:", "duplicate path 民政", "first at line 2");
    }

    @Test
    void jsonDeeperThanFourLevelsIsRejected() throws IOException {
        assertFailsWith("deep.json", """
                {"nodes": [{"name": "a", "children": [{"name": "b", "children": [{"name": "c", "children": [
                  {"name": "d", "children": [{"name": "e"}]}]}]}]}]}
                """, "deep.json:2:", "a > b > c > d > e is level 5");
    }

    @Test
    void requireNamesTheFirstUnknownLevel() throws IOException {
        Taxonomy taxonomy = Taxonomy.load(write("r.csv", "一级分类,二级分类,三级分类\n民政,社会救助,城镇低保\n"));

        assertThatThrownBy(() -> taxonomy.require(List.of("民政", "社会服务", "婚姻登记")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("level 2 '社会服务' is not a node under 民政")
                .hasMessageContaining(taxonomy.version())
                .hasMessageContaining("known: 社会救助");
        assertThatThrownBy(() -> taxonomy.require(List.of())).hasMessageContaining("empty taxonomy path");
    }
}
