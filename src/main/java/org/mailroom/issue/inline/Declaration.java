package org.mailroom.issue.inline;

/**
 * One {@code property: value} pair of a declaration block or a style attribute.
 *
 * @param name      the property, lower-cased (custom properties keep their case: they are case-sensitive)
 * @param value     the value without {@code !important}, comments replaced by a space, trimmed
 * @param important whether it ended with {@code !important}
 */
record Declaration(String name, String value, boolean important) {
}
