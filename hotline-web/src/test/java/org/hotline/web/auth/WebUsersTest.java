package org.hotline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebUsersTest {
    static final String HASH = PasswordHash.create("secret".toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();

    @Test
    void readsUsersWithTheirRolesSkippingCommentsAndBlankLines() {
        WebUsers users = WebUsers.parse(List.of(
                "\uFEFF# who may sign in",
                "",
                "wangmin:operator:" + HASH,
                "李分析: analyst , operator :" + HASH,
                "  # the night shift"), "users.txt");

        assertThat(users.all()).extracting(WebUser::name).containsExactly("wangmin", "李分析");
        assertThat(users.get("wangmin").orElseThrow().roles()).containsExactly(Role.OPERATOR);
        assertThat(users.get("李分析").orElseThrow().roles()).containsExactly(Role.OPERATOR, Role.ANALYST);
        assertThat(users.get("李分析").orElseThrow().password().matches("secret".toCharArray())).isTrue();
        assertThat(users.get("nobody")).isEmpty();
    }

    @Test
    void everyBadLineIsNamedWithItsNumberAndTheFile() {
        List<String> lines = List.of(
                "# users",
                "wangmin:operator:" + HASH,
                "no hash here",
                "zhao:boss:" + HASH,
                "qian::" + HASH,
                "sun:analyst:pbkdf2-sha256$1000$x",
                "wangmin:analyst:" + HASH,
                "wu li:analyst:" + HASH);

        assertThatThrownBy(() -> WebUsers.parse(lines, "/etc/hotline/users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("users file /etc/hotline/users: line 3: expected name:role[,role…]:")
                .hasMessageContaining("line 4: unknown role 'boss': use operator or analyst")
                .hasMessageContaining("line 5: user qian needs a role")
                .hasMessageContaining("line 6: the password hash must look like pbkdf2-sha256$ITERATIONS$SALT$HASH")
                .hasMessageContaining("line 7: user wangmin repeats line 2")
                .hasMessageContaining("line 8: user name 'wu li' must be")
                .hasMessageNotContaining("line 1:")
                .hasMessageNotContaining("line 2:");
    }

    @Test
    void loadingNamesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("users");

        assertThatThrownBy(() -> WebUsers.load(missing))
                .hasMessageContaining("users file " + missing + " does not exist");
        assertThat(WebUsers.loadOrEmpty(missing).isEmpty()).isTrue();
    }

    @Test
    void addingReplacesTheUserInPlaceAndKeepsComments(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users");
        Files.write(file, List.of("# operators", "wangmin:operator:" + HASH, "# analysts", "li:analyst:" + HASH),
                StandardCharsets.UTF_8);
        PasswordHash newPassword = PasswordHash.create("new".toCharArray(), PasswordHash.MIN_ITERATIONS);

        WebUsers.load(file).with(new WebUser("wangmin", Set.of(Role.OPERATOR, Role.ANALYST), newPassword))
                .with(new WebUser("zhao", Set.of(Role.OPERATOR), newPassword))
                .write(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("# operators");
        assertThat(lines.get(1)).isEqualTo("wangmin:operator,analyst:" + newPassword.encoded());
        assertThat(lines.get(2)).isEqualTo("# analysts");
        assertThat(lines.get(4)).startsWith("zhao:operator:pbkdf2-sha256$1000$");
        WebUsers reread = WebUsers.load(file);
        assertThat(reread.get("wangmin").orElseThrow().password().matches("new".toCharArray())).isTrue();
        assertThat(reread.get("li").orElseThrow().password().matches("secret".toCharArray())).isTrue();
    }

    @Test
    void removingDropsOnlyThatLine() {
        WebUsers users = WebUsers.parse(List.of("# x", "a:operator:" + HASH, "b:analyst:" + HASH), "users.txt");

        WebUsers left = users.without("a");

        assertThat(left.lines()).containsExactly("# x", "b:analyst:" + HASH);
        assertThat(left.get("a")).isEmpty();
        assertThatThrownBy(() -> left.without("a")).hasMessage("there is no user a");
    }

    @Test
    void namesTheFileCannotHoldAreRefused() {
        PasswordHash hash = PasswordHash.parse(HASH);

        assertThatThrownBy(() -> new WebUser("a:b", Set.of(Role.OPERATOR), hash)).hasMessageContaining("without ':'");
        assertThatThrownBy(() -> new WebUser("#a", Set.of(Role.OPERATOR), hash)).hasMessageContaining("'#'");
        assertThatThrownBy(() -> new WebUser("王\u3000敏", Set.of(Role.OPERATOR), hash))
                .hasMessageContaining("white space");
        assertThatThrownBy(() -> new WebUser("", Set.of(Role.OPERATOR), hash)).hasMessage("empty user name");
        assertThatThrownBy(() -> new WebUser("x".repeat(101), Set.of(Role.OPERATOR), hash))
                .hasMessageContaining("at most 100 characters");
        assertThatThrownBy(() -> new WebUser("a", Set.of(), hash)).hasMessageContaining("needs a role");
    }
}
