package org.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.web.auth.Role;
import org.hotline.web.auth.WebUser;
import org.hotline.web.auth.WebUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hotline users} without a terminal: passwords come as a line of standard input, as in scripts. */
class UsersCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final List<Exception> failures = new ArrayList<>();

    /** Exit codes as hotline-app's HotlineCli maps them: 2 for bad input, 1 for other failures. */
    private int run(String stdin, String... args) {
        CommandLine cli = new CommandLine(new UsersCommand(null,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(new StringWriter()))
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    failures.add(e);
                    return e instanceof IllegalArgumentException ? 2 : 1;
                });
        return cli.execute(args);
    }

    @Test
    void addCreatesTheFileWithAHashOfThePipedPassword() {
        Path file = dir.resolve("users");

        int exit = run("春天 secret\n", "add", "--file", file.toString(), "李分析", "--role", "operator,analyst");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("added 李分析 (operator,analyst) in " + file, "restart hotline serve");
        WebUser user = WebUsers.load(file).get("李分析").orElseThrow();
        assertThat(user.roles()).containsExactly(Role.OPERATOR, Role.ANALYST);
        assertThat(user.password().matches("春天 secret".toCharArray())).isTrue();
        assertThat(user.password().iterations()).isEqualTo(600_000);
    }

    @Test
    void addReplacesListShowsAndRemoveRemoves() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# console users\n", StandardCharsets.UTF_8);
        run("one\n", "add", "--file", file.toString(), "wangmin", "--role", "analyst");

        int replaced = run("two\n", "add", "--file", file.toString(), "wangmin", "--role", "operator", "--role",
                "analyst");
        run("", "list", "--file", file.toString());

        assertThat(replaced).isZero();
        assertThat(out.toString()).contains("replaced wangmin (operator,analyst)").containsPattern(
                "wangmin +operator,analyst");
        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("# console users");
        assertThat(WebUsers.load(file).get("wangmin").orElseThrow().password().matches("two".toCharArray())).isTrue();

        assertThat(run("", "remove", "--file", file.toString(), "wangmin")).isZero();
        assertThat(Files.readAllLines(file)).containsExactly("# console users");
        run("", "list", "--file", file.toString());
        assertThat(out.toString()).contains("no users in " + file);
    }

    @Test
    void badInputIsExitCode2WithAClearMessageAndChangesNothing() {
        Path file = dir.resolve("users");

        assertThat(run("secret\n", "add", "--file", file.toString(), "wangmin", "--role", "boss")).isEqualTo(2);
        assertThat(run("\n", "add", "--file", file.toString(), "wangmin", "--role", "operator")).isEqualTo(2);
        assertThat(run("", "add", "--file", file.toString(), "wangmin", "--role", "operator")).isEqualTo(2);
        assertThat(run("secret\n", "add", "--file", file.toString(), "wang:min", "--role", "operator")).isEqualTo(2);
        assertThat(run("", "remove", "--file", file.toString(), "wangmin")).isEqualTo(2);

        assertThat(failures).extracting(Exception::getMessage).containsExactly(
                "unknown role 'boss': use operator or analyst",
                "empty password: give wangmin one",
                "no password: type it at a terminal, or pipe one line to standard input (printf 'secret\\n' | "
                        + "hotline users add …)",
                "user name 'wang:min' must be at most 100 characters without ':' or white space, and not start "
                        + "with '#'",
                "users file " + file + " does not exist (`hotline users add --file " + file
                        + " NAME --role ROLE` creates it)");
        assertThat(file).doesNotExist();
    }

    @Test
    void everySubcommandExplainsItself() {
        for (String sub : new String[] {"add", "remove", "list"}) {
            assertThat(run("", sub, "--help")).isZero();
        }
        assertThat(out.toString()).contains("Usage: users add", "--role=ROLE", "printf", "Usage: users remove",
                "Usage: users list");
    }
}
