export const SAJILO_LANGUAGE_ID = 'sajilo';
export const SAJILO_EXTENSIONS: readonly string[] = ['.saj'];
