package org.hotline.web;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hotline.web.auth.PasswordHash;
import org.hotline.web.auth.Role;
import org.hotline.web.auth.WebUser;
import org.hotline.web.auth.WebUsers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code hotline users}: the users file ({@code web.users}) of the console and dashboard: add, remove, list. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        header = "Manage who may sign in to the operator console and the analyst dashboard (the web.users file).",
        description = {"`hotline serve` asks for HTTP Basic sign-in when the configuration key web.users names a "
                + "users file; it reads the file at start, so restart it after a change. Roles: operator (the "
                + "console: suggestions, similar cases), analyst (the dashboard: trends, alerts); a user may have "
                + "both. The file holds one user a line, name:role[,role…]:pbkdf2-sha256$ITERATIONS$SALT$HASH, "
                + "and # comment lines. See docs/web.md."},
        subcommands = {UsersCommand.AddCommand.class, UsersCommand.RemoveCommand.class, UsersCommand.ListCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  hotline users add --file /etc/hotline/users wangmin --role operator",
            "  printf 'secret\\n' | hotline users add --file users.txt li --role analyst",
            "  hotline users list --file /etc/hotline/users",
            "  hotline users remove --file /etc/hotline/users wangmin",
            "  hotline serve --model work/model --set web.users=/etc/hotline/users"})
public final class UsersCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console console;
    private final InputStream stdin;

    public UsersCommand() {
        this(System.console(), System.in);
    }

    /** @param console null when there is none, as in scripts: the password is then a line of {@code stdin} */
    UsersCommand(Console console, InputStream stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** From the terminal without echo, twice; else one line of standard input. */
    char[] readPassword(String name) throws IOException {
        char[] password = console != null ? typed(name) : piped();
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password: give " + name + " one");
        }
        return password;
    }

    private char[] typed(String name) {
        char[] password = console.readPassword("password for %s: ", name);
        char[] again = console.readPassword("the same again: ");
        if (password == null || again == null) {
            throw new IllegalArgumentException("no password typed");
        }
        boolean same = Arrays.equals(password, again);
        Arrays.fill(again, '\0');
        if (!same) {
            throw new IllegalArgumentException("the two passwords differ; nothing changed");
        }
        return password;
    }

    private char[] piped() throws IOException {
        // Not closed: it is standard input.
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password: type it at a terminal, or pipe one line to standard "
                    + "input (printf 'secret\\n' | hotline users add …)");
        }
        return line.toCharArray();
    }

    /** What every subcommand works on. */
    abstract static class FileCommand implements Callable<Integer> {
        @Option(names = "--file", required = true, paramLabel = "FILE", description = "the users file (web.users)")
        Path file;

        @ParentCommand
        UsersCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            header = "Add a user, or replace the one of that name (new roles and password).",
            description = {"Asks for the password twice without echo at a terminal; otherwise reads it as one line "
                    + "of standard input. Creates the file when it is missing; other lines and comments stay."},
            footerHeading = "%nExamples:%n",
            footer = {"  hotline users add --file /etc/hotline/users wangmin --role operator",
                "  printf '%%s\\n' \"$PASSWORD\" | hotline users add --file users.txt li \\",
                "      --role operator,analyst"})
    public static final class AddCommand extends FileCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "what the user signs in with; alert changes "
                + "record it (no ':' or spaces)")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "operator (console), analyst (dashboard), or both: --role operator,analyst")
        List<String> roles;

        @Override
        public Integer call() throws IOException {
            Set<Role> granted = WebUser.parseRoles(String.join(",", roles));
            WebUser.check(name, granted);
            WebUsers users = WebUsers.loadOrEmpty(file);
            char[] password = parent.readPassword(name);
            WebUser user = new WebUser(name, granted, PasswordHash.create(password));
            Arrays.fill(password, '\0');
            users.with(user).write(file);
            out().println((users.get(name).isPresent() ? "replaced " : "added ") + name + " (" + user.roleNames()
                    + ") in " + file + "; restart hotline serve to apply");
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, header = "Remove a user.",
            footerHeading = "%nExample:%n", footer = {"  hotline users remove --file /etc/hotline/users wangmin"})
    public static final class RemoveCommand extends FileCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "the user to remove")
        String name;

        @Override
        public Integer call() throws IOException {
            WebUsers.load(file).without(name).write(file);
            out().println("removed " + name + " from " + file + "; restart hotline serve to apply");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, header = "List the users and their roles.",
            footerHeading = "%nExample:%n", footer = {"  hotline users list --file /etc/hotline/users"})
    public static final class ListCommand extends FileCommand {
        @Override
        public Integer call() {
            WebUsers users = WebUsers.load(file);
            if (users.isEmpty()) {
                out().println("no users in " + file);
            }
            for (WebUser user : users.all()) {
                out().printf("%-20s %s%n", user.name(), user.roleNames());
            }
            return 0;
        }
    }
}
