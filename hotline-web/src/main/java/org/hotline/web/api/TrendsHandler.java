package org.hotline.web.api;

import java.io.IOException;
import org.hotline.alerts.elasticsearch.AlertStatus;
import org.hotline.alerts.elasticsearch.AlertStore;
import org.hotline.web.domain.AlertDesk;
import org.hotline.web.domain.TrendQuery;
import org.hotline.web.domain.TrendSource;

/**
 * {@code GET /api/trends?level=1&days=30[&district=…][&to=2026-04-05][&top=15][&forecast=7]} → daily counts per
 * taxonomy node, each with its forecast for the days after {@code to}, and the number of open alerts.
 */
public final class TrendsHandler implements ApiHandler {
    public static final int MAX_DAYS = 366;
    public static final int MAX_TOP = 50;
    public static final int DEFAULT_FORECAST_DAYS = 7;
    public static final int MAX_FORECAST_DAYS = 14;

    private final TrendSource trends;
    private final AlertDesk alerts;

    public TrendsHandler(TrendSource trends, AlertDesk alerts) {
        this.trends = trends;
        this.alerts = alerts;
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws IOException {
        request.requireMethod("GET");
        TrendQuery query = new TrendQuery(
                Params.integer(request.query(), "level", 1, 1, 3),
                Params.integer(request.query(), "days", 30, 1, MAX_DAYS),
                Params.date(request.query(), "to"),
                Params.text(request.query(), "district", 100),
                Params.integer(request.query(), "top", 15, 1, MAX_TOP),
                Params.integer(request.query(), "forecast", DEFAULT_FORECAST_DAYS, 0, MAX_FORECAST_DAYS));
        long open = alerts.count(new AlertStore.Filter(AlertStatus.OPEN, null, null, 1));
        return ApiResponse.ok(trends.trends(query).withOpenAlerts(open));
    }
}
