package org.hotline.models.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class DefaultTaxonomyTest {
    private final Taxonomy taxonomy = Taxonomy.loadDefault();

    private long countAtLevel(int level) {
        return StreamSupport.stream(taxonomy.nodes().spliterator(), false).filter(n -> n.level() == level).count();
    }

    @Test
    void hasTheThreeLevelsOfTheGovernmentScheme() {
        assertThat(countAtLevel(1)).isEqualTo(15);
        assertThat(countAtLevel(2)).isEqualTo(118);
        assertThat(countAtLevel(3)).isEqualTo(517);
        assertThat(taxonomy.leaves()).hasSize(517);
        assertThat(taxonomy.depth()).isEqualTo(3);
        assertThat(taxonomy.version()).isEqualTo("gov-3level-2026.1");
    }

    @Test
    void everyLeafHasADepartmentKeywordsADescriptionAndAnSla() {
        assertThat(taxonomy.leaves()).allSatisfy(leaf -> {
            assertThat(leaf.department()).as("department of %s", leaf.path()).isNotBlank();
            assertThat(leaf.keywords()).as("keywords of %s", leaf.path()).hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(word -> assertThat(word).isNotBlank().doesNotContain("|"));
            assertThat(leaf.description()).as("description of %s", leaf.path()).isNotBlank();
            assertThat(leaf.slaDays()).as("SLA of %s", leaf.path()).isBetween(1, 60);
        });
    }

    @Test
    void keywordsAreSpecificToTheirLeafMostOfTheTime() {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        int total = 0;
        for (TaxonomyNode leaf : taxonomy.leaves()) {
            for (String word : leaf.keywords()) {
                total++;
                if (!seen.add(word)) {
                    repeated.add(word);
                }
            }
        }
        // Keywords drive leaf suggestions: a word shared by many leaves carries no signal.
        assertThat(repeated.size()).isLessThan(total / 10);
    }

    @Test
    void parentsCarryTheirOwnDescription() {
        assertThat(taxonomy.roots()).allSatisfy(root -> {
            assertThat(root.description()).isNotBlank();
            assertThat(taxonomy.children(root.path())).allSatisfy(
                    child -> assertThat(child.description()).as("description of %s", child.path()).isNotBlank());
        });
    }

    @Test
    void anUnknownLeafNamesItsKnownSiblingsButNotAllOfThem() {
        assertThatThrownBy(() -> taxonomy.require(List.of("城乡建设", "城市建设和市政管理", "路灯")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("level 3 '路灯' is not a node under 城乡建设 > 城市建设和市政管理")
                .hasMessageContaining("known: 园林绿化环卫, 城管执法")
                .hasMessageContaining("(16 in all)");
    }

    @Test
    void departmentOverridesApplyToSingleLeaves() {
        TaxonomyNode water = taxonomy.require(List.of("城乡建设", "城市建设和市政管理", "自来水供应"));
        TaxonomyNode sanitation = taxonomy.require(List.of("城乡建设", "城市建设和市政管理", "环境卫生"));

        assertThat(water.department()).isEqualTo("市水务局");
        assertThat(sanitation.department()).isEqualTo("市城市管理综合执法局");
    }
}
