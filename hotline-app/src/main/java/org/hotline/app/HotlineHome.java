package org.hotline.app;

import java.nio.file.Path;

/** The project directory the launcher runs from ({@code -Dhotline.home}); work/ and logs live under it. */
final class HotlineHome {
    private HotlineHome() {}

    static Path path() {
        return Path.of(System.getProperty("hotline.home", ".")).toAbsolutePath().normalize();
    }
}
