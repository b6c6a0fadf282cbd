/**
 * Reading the record files of files.md: a restartable reader that streams a file from a
 * saved byte offset, splits logical records with OpenCSV (quoted fields may span lines),
 * checks the header and trailer, and the PAN guard that masks card numbers before any
 * line is stored or logged.
 */
package jp.settlementbatch.support.csv;
