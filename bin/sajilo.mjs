#!/usr/bin/env node
// `sajilo` command: the compiler's CLI (lib/compiler/cli.ts), built or through tsx (bin/launch.mjs).
import { launch } from './launch.mjs';
await launch('sajilo', 'lib/compiler/cli.ts');
