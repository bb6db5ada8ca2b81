package com.coachintel.leads.domain;

import java.util.Objects;

/**
 * What a partial update says about one field: keep it, clear it, or set it. (JSON merge-patch has the
 * same three cases: property absent, {@code null}, a value.)
 */
public final class FieldUpdate<T> {

    private static final FieldUpdate<?> KEEP = new FieldUpdate<>(false, null);
    private static final FieldUpdate<?> CLEAR = new FieldUpdate<>(true, null);

    private final boolean present;
    private final T value;

    private FieldUpdate(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    /** Leave the field as it is. */
    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> keep() {
        return (FieldUpdate<T>) KEEP;
    }

    /** Remove the field's value. */
    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> clear() {
        return (FieldUpdate<T>) CLEAR;
    }

    /** Give the field this value. */
    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(true, Objects.requireNonNull(value, "value"));
    }

    /** Whether the field is to change at all. */
    public boolean isPresent() {
        return present;
    }

    /** The field's value after the update, given its value before. */
    public T applyTo(T current) {
        return present ? value : current;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldUpdate<?> that && present == that.present && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return !present ? "keep" : value == null ? "clear" : "set(" + value + ")";
    }
}
