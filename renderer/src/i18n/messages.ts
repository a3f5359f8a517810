/** The shape another language must fill in: the same keys as the Japanese reference, any strings. */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
