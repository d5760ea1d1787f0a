#!/usr/bin/env node
// `sajilo-sandbox` command: the sandbox's CLI, written in TypeScript and loaded through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../sandbox/cli.ts');
