package org.hotline.app.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch refuses to run as root. When we are root, it runs as this system user (created on first use)
 * through {@code runuser}, in directories handed over to it.
 */
final class UnprivilegedUser {
    static final String DEFAULT_NAME = "hotline-es";

    private final String name;

    UnprivilegedUser(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** True when this JVM runs as root (uid 0): /proc/self belongs to the process's user. */
    static boolean currentUserIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Paths.get("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Creates the system user (no home, no login shell) unless it exists. */
    void ensureExists() {
        if (run(List.of("id", "-u", name)) == 0) {
            return;
        }
        List<String> useradd = new ArrayList<>(List.of("useradd", "--system", "--no-create-home"));
        if (Files.isExecutable(Path.of("/usr/sbin/nologin"))) {
            useradd.addAll(List.of("--shell", "/usr/sbin/nologin"));
        }
        useradd.add(name);
        if (run(useradd) != 0) {
            throw EngineException.userError("cannot create the system user " + name + " that Elasticsearch runs "
                    + "as when started by root: `" + String.join(" ", useradd) + "` failed");
        }
    }

    /** Gives the user ownership of {@code dir} and everything in it. */
    void takeOwnership(Path dir) {
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal user = lookup.lookupPrincipalByName(name);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(name);
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path path, BasicFileAttributes attrs) throws IOException {
                    chown(path);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                    chown(path);
                    return FileVisitResult.CONTINUE;
                }

                private void chown(Path path) throws IOException {
                    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " over to " + name, e);
        }
    }

    /** True when the user can read (and, if asked, write) {@code path}, which also needs every parent searchable. */
    boolean canAccess(Path path, boolean write) {
        return run(List.of("runuser", "-u", name, "--", "test", write ? "-w" : "-r", path.toString())) == 0;
    }

    /** The command line that runs {@code command} as this user. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", name, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
