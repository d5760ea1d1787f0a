#!/usr/bin/env node
// `sajilo` command: the compiler's CLI, written in TypeScript and loaded through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../lib/compiler/cli.ts');
