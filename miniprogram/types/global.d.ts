/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

/** The API base URL, fixed at build time by `defineConstants` in config/index.ts. '' = same origin. */
declare const API_BASE: string;
