/** The database: connection pool, migrations from db/, named SQL queries, transactions. */
package org.mailroom.db;
