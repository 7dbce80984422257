package org.hotline.alerts.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Mainland China public holidays (法定节假日放假安排) and make-up working days (调休上班), 2010–2030.
 *
 * <p>Source: the General Office of the State Council's yearly notices "关于XXXX年部分节假日安排的通知"
 * (2010–2026), transcribed by hand; verify against gov.cn before relying on a single date. Years 2027–2030
 * were not announced when this was written: they are projected from the lunar festival dates (Spring
 * Festival eve + 6 days, Qingming solar term, 端午 and 中秋 on the festival day) plus New Year's Day,
 * 1–5 May and 1–7 October, without make-up days. Lunar dates move every year, which is why the
 * seasonal models need this calendar as a covariate rather than a fixed day of year.
 */
public final class ChinaHolidayCalendar implements HolidayCalendar {

    /** Announced day-off ranges: "from/to" inclusive. */
    private static final String[] ANNOUNCED_HOLIDAYS = {
        // 2010
        "2010-01-01/2010-01-03", "2010-02-13/2010-02-19", "2010-04-03/2010-04-05", "2010-05-01/2010-05-03",
        "2010-06-14/2010-06-16", "2010-09-22/2010-09-24", "2010-10-01/2010-10-07",
        // 2011
        "2011-01-01/2011-01-03", "2011-02-02/2011-02-08", "2011-04-03/2011-04-05", "2011-04-30/2011-05-02",
        "2011-06-04/2011-06-06", "2011-09-10/2011-09-12", "2011-10-01/2011-10-07",
        // 2012
        "2012-01-01/2012-01-03", "2012-01-22/2012-01-28", "2012-04-02/2012-04-04", "2012-04-29/2012-05-01",
        "2012-06-22/2012-06-24", "2012-09-30/2012-10-07",
        // 2013
        "2013-01-01/2013-01-03", "2013-02-09/2013-02-15", "2013-04-04/2013-04-06", "2013-04-29/2013-05-01",
        "2013-06-10/2013-06-12", "2013-09-19/2013-09-21", "2013-10-01/2013-10-07",
        // 2014
        "2014-01-01/2014-01-01", "2014-01-31/2014-02-06", "2014-04-05/2014-04-07", "2014-05-01/2014-05-03",
        "2014-05-31/2014-06-02", "2014-09-06/2014-09-08", "2014-10-01/2014-10-07",
        // 2015 (includes the 3 September 2015 Victory Day holiday)
        "2015-01-01/2015-01-03", "2015-02-18/2015-02-24", "2015-04-04/2015-04-06", "2015-05-01/2015-05-03",
        "2015-06-20/2015-06-22", "2015-09-03/2015-09-05", "2015-09-26/2015-09-27", "2015-10-01/2015-10-07",
        // 2016
        "2016-01-01/2016-01-03", "2016-02-07/2016-02-13", "2016-04-02/2016-04-04", "2016-04-30/2016-05-02",
        "2016-06-09/2016-06-11", "2016-09-15/2016-09-17", "2016-10-01/2016-10-07",
        // 2017
        "2016-12-31/2017-01-02", "2017-01-27/2017-02-02", "2017-04-02/2017-04-04", "2017-04-29/2017-05-01",
        "2017-05-28/2017-05-30", "2017-10-01/2017-10-08", "2017-12-30/2018-01-01",
        // 2018
        "2018-02-15/2018-02-21", "2018-04-05/2018-04-07", "2018-04-29/2018-05-01", "2018-06-16/2018-06-18",
        "2018-09-22/2018-09-24", "2018-10-01/2018-10-07", "2018-12-30/2019-01-01",
        // 2019
        "2019-02-04/2019-02-10", "2019-04-05/2019-04-07", "2019-05-01/2019-05-04", "2019-06-07/2019-06-09",
        "2019-09-13/2019-09-15", "2019-10-01/2019-10-07",
        // 2020 (Spring Festival extended to 2 February by the State Council because of COVID-19)
        "2020-01-01/2020-01-01", "2020-01-24/2020-02-02", "2020-04-04/2020-04-06", "2020-05-01/2020-05-05",
        "2020-06-25/2020-06-27", "2020-10-01/2020-10-08",
        // 2021
        "2021-01-01/2021-01-03", "2021-02-11/2021-02-17", "2021-04-03/2021-04-05", "2021-05-01/2021-05-05",
        "2021-06-12/2021-06-14", "2021-09-19/2021-09-21", "2021-10-01/2021-10-07",
        // 2022
        "2022-01-01/2022-01-03", "2022-01-31/2022-02-06", "2022-04-03/2022-04-05", "2022-04-30/2022-05-04",
        "2022-06-03/2022-06-05", "2022-09-10/2022-09-12", "2022-10-01/2022-10-07",
        // 2023
        "2022-12-31/2023-01-02", "2023-01-21/2023-01-27", "2023-04-05/2023-04-05", "2023-04-29/2023-05-03",
        "2023-06-22/2023-06-24", "2023-09-29/2023-10-06", "2023-12-30/2024-01-01",
        // 2024
        "2024-02-10/2024-02-17", "2024-04-04/2024-04-06", "2024-05-01/2024-05-05", "2024-06-08/2024-06-10",
        "2024-09-15/2024-09-17", "2024-10-01/2024-10-07",
        // 2025
        "2025-01-01/2025-01-01", "2025-01-28/2025-02-04", "2025-04-04/2025-04-06", "2025-05-01/2025-05-05",
        "2025-05-31/2025-06-02", "2025-10-01/2025-10-08",
        // 2026
        "2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06", "2026-05-01/2026-05-05",
        "2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07",
    };

    /** Announced make-up working days (weekend days worked to bridge a holiday). */
    private static final String[] ANNOUNCED_MAKE_UP_WORKDAYS = {
        "2010-02-20", "2010-02-21", "2010-06-12", "2010-06-13", "2010-09-19", "2010-09-25", "2010-09-26",
        "2010-10-09",
        "2011-01-30", "2011-02-12", "2011-04-02", "2011-10-08", "2011-10-09", "2011-12-31",
        "2012-01-21", "2012-01-29", "2012-03-31", "2012-04-01", "2012-04-28", "2012-09-29",
        "2013-01-05", "2013-01-06", "2013-02-16", "2013-02-17", "2013-04-07", "2013-04-27", "2013-04-28",
        "2013-06-08", "2013-06-09", "2013-09-22", "2013-09-29", "2013-10-12",
        "2014-01-26", "2014-02-08", "2014-05-04", "2014-09-28", "2014-10-11",
        "2015-01-04", "2015-02-15", "2015-02-28", "2015-09-06", "2015-10-10",
        "2016-02-06", "2016-02-14", "2016-06-12", "2016-09-18", "2016-10-08", "2016-10-09",
        "2017-01-22", "2017-02-04", "2017-04-01", "2017-05-27", "2017-09-30",
        "2018-02-11", "2018-02-24", "2018-04-08", "2018-04-28", "2018-09-29", "2018-09-30", "2018-12-29",
        "2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29", "2019-10-12",
        "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10",
        "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09",
        "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09",
        "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08",
        "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
        "2024-10-12",
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    };

    /** Lunar-calendar festival days for the projected years 2027–2030: 春节, 清明, 端午, 中秋. */
    private static final String[][] PROJECTED_FESTIVALS = {
        {"2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"},
        {"2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"},
        {"2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"},
        {"2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"},
    };

    /** Holiday kinds, in {@link #holidayKind} numbering. */
    private static final int NEW_YEAR = 1;
    private static final int SPRING_FESTIVAL = 2;
    private static final int QINGMING = 3;
    private static final int LABOUR_DAY = 4;
    private static final int DRAGON_BOAT = 5;
    private static final int MID_AUTUMN = 6;
    private static final int NATIONAL_DAY = 7;
    private static final int OTHER = 8;

    /** Declared after the tables above: static fields initialise in order. */
    public static final ChinaHolidayCalendar INSTANCE = new ChinaHolidayCalendar();

    private final Map<LocalDate, Integer> holidays = new HashMap<>();
    private final Set<LocalDate> makeUpWorkdays = new HashSet<>();

    private ChinaHolidayCalendar() {
        for (String range : ANNOUNCED_HOLIDAYS) {
            String[] ends = range.split("/");
            LocalDate from = LocalDate.parse(ends[0]);
            LocalDate to = LocalDate.parse(ends[1]);
            addRange(from, to, kindOf(from, to));
        }
        for (String day : ANNOUNCED_MAKE_UP_WORKDAYS) {
            makeUpWorkdays.add(LocalDate.parse(day));
        }
        for (String[] year : PROJECTED_FESTIVALS) {
            addProjectedYear(year);
        }
    }

    private void addProjectedYear(String[] festivals) {
        LocalDate springFestival = LocalDate.parse(festivals[0]);
        int year = springFestival.getYear();
        holidays.put(LocalDate.of(year, 1, 1), NEW_YEAR);
        addRange(springFestival.minusDays(1), springFestival.plusDays(6), SPRING_FESTIVAL);
        holidays.put(LocalDate.parse(festivals[1]), QINGMING);
        addRange(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 5), LABOUR_DAY);
        holidays.put(LocalDate.parse(festivals[2]), DRAGON_BOAT);
        holidays.put(LocalDate.parse(festivals[3]), MID_AUTUMN);
        addRange(LocalDate.of(year, 10, 1), LocalDate.of(year, 10, 7), NATIONAL_DAY);
    }

    /** Which festival an announced range belongs to, from where it falls in the year. */
    static int kindOf(LocalDate from, LocalDate to) {
        LocalDate nationalDay = LocalDate.of(to.getYear(), 10, 1);
        if (!nationalDay.isBefore(from) && !nationalDay.isAfter(to)) {
            return NATIONAL_DAY;
        }
        int month = from.getMonthValue();
        int day = from.getDayOfMonth();
        if (month == 12 || (month == 1 && day <= 3)) {
            return NEW_YEAR;
        }
        if (month <= 2) {
            return SPRING_FESTIVAL;
        }
        if (month == 4 && day <= 7) {
            return QINGMING;
        }
        if (month == 4 || (month == 5 && day <= 5)) {
            return LABOUR_DAY;
        }
        if (month == 5 || month == 6) {
            return DRAGON_BOAT;
        }
        if (month == 9 && day >= 6) {
            return MID_AUTUMN;
        }
        return OTHER;
    }

    private void addRange(LocalDate from, LocalDate to, int kind) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            holidays.put(d, kind);
        }
    }

    /** 1 New Year, 2 Spring Festival, 3 Qingming, 4 Labour Day, 5 Dragon Boat, 6 Mid-Autumn, 7 National Day, 8 other. */
    @Override
    public int holidayKind(LocalDate date) {
        return holidays.getOrDefault(date, 0);
    }

    @Override
    public int holidayKinds() {
        return OTHER;
    }

    @Override
    public boolean isMakeUpWorkday(LocalDate date) {
        return makeUpWorkdays.contains(date);
    }
}
