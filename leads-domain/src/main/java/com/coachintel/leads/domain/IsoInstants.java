package com.coachintel.leads.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The text of an instant on the wire and in exports: ISO-8601 in UTC, exactly as {@link Instant#toString()}
 * writes it ({@code 2026-03-01T10:00:00Z}, with {@code .SSS}, {@code .SSSSSS} or {@code .SSSSSSSSS} only when
 * the fraction needs it). Written digit by digit because {@code Instant.toString} goes through
 * {@code DateTimeFormatter}, which was the largest single cost of a CSV export row (see docs/performance.md).
 */
public final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01 and 9999-12-31 as epoch days: outside them {@code Instant.toString} adds a sign or a fifth digit. */
    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private IsoInstants() {
    }

    /** The ISO-8601 UTC text of {@code instant}, identical to {@code instant.toString()}. */
    public static String format(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        if (epochDay < FIRST_DAY || epochDay > LAST_DAY) {
            return instant.toString(); // years that need a sign or more than four digits: rare, let the JDK do it
        }
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int nano = instant.getNano();
        char[] text = new char[30];
        int at = 0;
        at = digits(text, at, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                at = digits(text, at, nano / 1_000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
