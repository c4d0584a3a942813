/** The HTTP side of serve: one route table, handlers per audience, pages from mustache templates, errors mapped in one place. */
package org.mailroom.web;
