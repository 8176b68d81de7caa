package dateline.web;

import java.util.List;

/**
 * One page of a list ordered newest first. {@code older} is where the page of older items starts and
 * {@code newer} where the page of newer items ends; either is null when there is nothing that way. When
 * the newer items are simply the first page, {@code newerIsFirstPage} says so, so that the link leads
 * to the list's own address rather than to a second address for the same page.
 */
public record Paged<T>(List<T> items, Cursor older, Cursor newer, boolean newerIsFirstPage) {}
