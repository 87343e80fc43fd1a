"""Small pieces several views share: colours and the activation-function plot."""
