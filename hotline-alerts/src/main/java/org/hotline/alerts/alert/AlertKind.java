package org.hotline.alerts.alert;

/** The six kinds of demand the seed asks to warn on, plus forecasts. */
public enum AlertKind {
    /** 高频: a count above an analyst's absolute or share threshold for the node. */
    HIGH_FREQUENCY,
    /** 共性: the same node alarming in at least k districts within one window. */
    COMMON,
    /** 周期性: a recurring rise expected soon, warned ahead of time. */
    PERIODIC,
    /** 季节性: a count above what trend, weekday, yearly season and holidays predict. */
    SEASONAL,
    /** 苗头性: a new or fast-growing phrase, or a low-count node with accelerating growth. */
    EMERGING,
    /** 聚集性: a space-time cluster of demands (same place, hours to days). */
    CLUSTERED,
    /** Expected counts with prediction intervals for the coming days. */
    FORECAST
}
