#!/usr/bin/env node
/**
 * The `hushlink` binary: keygen, share, reveal. See `hushlink --help`.
 */
import process from 'node:process';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
