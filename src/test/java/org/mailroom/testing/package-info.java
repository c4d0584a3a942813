/** Real servers for tests: a throwaway PostgreSQL and helpers around them. */
package org.mailroom.testing;
