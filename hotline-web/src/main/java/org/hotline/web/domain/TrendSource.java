package org.hotline.web.domain;

import java.io.IOException;

/** Where the dashboard's daily counts come from. */
@FunctionalInterface
public interface TrendSource {

    /** The counts; {@link Trends#openAlerts()} is left 0 for the caller to fill in. */
    Trends trends(TrendQuery query) throws IOException;
}
